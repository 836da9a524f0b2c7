import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, signal, viewChild } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { FormsModule } from '@angular/forms';
import { PLACE_KINDS, type PlaceDto, type PlaceKind } from '@convoy/contracts';
import { AuthStore } from '../core/auth/auth.store';
import { actionErrorMessage } from '../core/http/api-error';
import { API } from '../core/http/api-paths';
import { PlaceEditorMap, type DrawMode } from './place-editor-map';
import { PlaceImportPanel } from './place-import-panel';
import { describeShape, KIND_COLOURS, KIND_LABELS, type PlaceShapeFields } from './place-shapes';
import { PlacesApi } from './places-api';

interface PlaceDraft {
  /** null: a new place. */
  id: string | null;
  name: string;
  kind: PlaceKind;
  note: string;
  shape: PlaceShapeFields;
}

/**
 * `/places`: depots, customers, fuel stops… as circles or polygons. Draw or reshape them on the map
 * (leaflet-geoman), search the table, import a file (with a dry-run preview) and export the list.
 * Viewers see; dispatchers edit.
 */
@Component({
  selector: 'cv-places-page',
  imports: [FormsModule, PlaceEditorMap, PlaceImportPanel],
  templateUrl: './places-page.html',
  styleUrl: './places-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlacesPage {
  private readonly api = inject(PlacesApi);
  private readonly auth = inject(AuthStore);
  private readonly map = viewChild(PlaceEditorMap);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private linkedShown = false;

  protected readonly kinds = PLACE_KINDS;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly kindColours = KIND_COLOURS;
  protected readonly describe = describeShape;
  protected readonly exportCsv = `${API.places}?format=csv`;
  protected readonly exportGeoJson = `${API.places}?format=geojson`;

  protected readonly places = signal<PlaceDto[]>([]);
  protected readonly loaded = signal(false);
  protected readonly query = signal('');
  protected readonly selectedId = signal<string | null>(null);
  protected readonly draft = signal<PlaceDraft | null>(null);
  protected readonly drawing = signal<DrawMode | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly canEdit = computed(() => this.auth.can('dispatcher'));

  protected readonly filtered = computed(() => {
    const q = this.query().trim().toLowerCase();
    if (!q) return this.places();
    return this.places().filter((p) => p.name.toLowerCase().includes(q) || (p.note ?? '').toLowerCase().includes(q) || KIND_LABELS[p.kind].toLowerCase().includes(q));
  });

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    try {
      this.places.set(await this.api.list());
      this.loaded.set(true);
      this.showLinkedPlace();
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not load the places'));
    }
  }

  /** `/places?place=<id>` (a notification's link): that place highlighted and in view, once. */
  private showLinkedPlace(): void {
    const id = this.route.snapshot.queryParamMap.get('place');
    if (!id || this.linkedShown || !this.places().some((p) => p.id === id)) return;
    this.linkedShown = true;
    this.selectedId.set(id);
    afterNextRender(() => this.map()?.focus(id), { injector: this.injector });
  }

  protected draw(mode: DrawMode): void {
    this.cancel();
    this.map()?.startDrawing(mode);
  }

  protected onDrawn(shape: PlaceShapeFields): void {
    this.draft.set({ id: null, name: '', kind: 'customer', note: '', shape });
  }

  protected select(place: PlaceDto): void {
    this.map()?.cancel();
    this.selectedId.set(place.id);
    this.draft.set({
      id: place.id,
      name: place.name,
      kind: place.kind,
      note: place.note ?? '',
      shape: place.polygon ? { polygon: place.polygon } : { center: place.center ?? undefined, radiusM: place.radiusM ?? undefined },
    });
    this.map()?.focus(place.id);
  }

  protected onMapPlaceClicked(id: string): void {
    const place = this.places().find((p) => p.id === id);
    if (place && this.canEdit() && !this.drawing()) this.select(place);
  }

  protected onReshaped(change: { id: string; shape: PlaceShapeFields }): void {
    this.draft.update((d) => (d && d.id === change.id ? { ...d, shape: change.shape } : d));
  }

  protected patchDraft(changes: Partial<PlaceDraft>): void {
    this.draft.update((d) => (d ? { ...d, ...changes } : d));
  }

  protected async save(): Promise<void> {
    const draft = this.draft();
    if (!draft || !draft.name.trim()) {
      this.error.set('Give the place a name.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    const shape = draft.shape.polygon ? { polygon: draft.shape.polygon } : { center: draft.shape.center, radiusM: draft.shape.radiusM };
    const body = { name: draft.name.trim(), kind: draft.kind, note: draft.note.trim() || null, ...shape };
    try {
      const saved = draft.id ? await this.api.update(draft.id, body) : await this.api.create(body);
      this.places.update((list) => [...list.filter((p) => p.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name)));
      this.map()?.discardDraft();
      this.draft.set(null);
      this.selectedId.set(null);
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not save the place'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(place: PlaceDto): Promise<void> {
    if (!confirm(`Delete ${place.name}?`)) return;
    try {
      await this.api.remove(place.id);
      this.places.update((list) => list.filter((p) => p.id !== place.id));
      if (this.selectedId() === place.id) this.cancel();
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not delete the place'));
    }
  }

  protected cancel(): void {
    this.map()?.cancel();
    this.draft.set(null);
    this.selectedId.set(null);
    this.error.set(null);
  }
}
