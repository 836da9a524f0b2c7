import { LeafletDirective, LeafletLayersDirective } from '@bluehalo/ngx-leaflet';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  ViewEncapsulation,
} from '@angular/core';
import { PLACE_MAX_RADIUS_M, PLACE_MIN_RADIUS_M, type PlaceDto } from '@convoy/contracts';
import type { FeatureGroup, LatLngBounds, Layer, Map as LeafletMap, MapOptions } from 'leaflet';
import { FALLBACK_TILES, PublicConfigStore } from '../core/config/public-config.store';
import { Leaflet } from '../map/leaflet-editing';
import { DEFAULT_VIEW, MAX_ZOOM } from '../map/leaflet-setup';
import { layerShape, placeLayer, type PlaceShapeFields } from './place-shapes';

export type DrawMode = 'Circle' | 'Polygon';

/**
 * The places page's map: every place drawn; a new one drawn with leaflet-geoman (click the centre and
 * drag out the radius, or click a polygon's corners); the selected one editable (drag the radius
 * handle or the corners, move it whole). Leaflet events come back as outputs.
 */
@Component({
  selector: 'cv-place-editor-map',
  imports: [LeafletDirective, LeafletLayersDirective],
  template: `<div
    class="cv-place-map"
    leaflet
    [leafletOptions]="options"
    [leafletLayers]="baseLayers()"
    (leafletMapReady)="onMapReady($event)"
    role="region"
    aria-label="Places map"
    data-testid="places-map"
  ></div>`,
  styles: `
    cv-place-editor-map { display: block; height: 100%; }
    .cv-place-map { height: 100%; min-height: 320px; border-radius: 8px; }
  `,
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaceEditorMap {
  readonly places = input<readonly PlaceDto[]>([]);
  readonly selectedId = input<string | null>(null);

  /** A new shape was drawn (the page asks for its name). */
  readonly drawn = output<PlaceShapeFields>();
  /** The selected place's shape was dragged or reshaped. */
  readonly reshaped = output<{ id: string; shape: PlaceShapeFields }>();
  readonly placeClicked = output<string>();
  readonly drawingChange = output<DrawMode | null>();

  private readonly config = inject(PublicConfigStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly map = signal<LeafletMap | null>(null);
  private group: FeatureGroup | null = null;
  private readonly layers = new Map<string, Layer>();
  private draft: Layer | null = null;
  private framed = false;

  protected readonly options: MapOptions = {
    center: Leaflet.latLng(DEFAULT_VIEW.center),
    zoom: DEFAULT_VIEW.zoom,
    maxZoom: MAX_ZOOM,
    minZoom: 2,
  };

  protected readonly baseLayers = computed<Layer[]>(() => {
    const source = this.config.config() ?? (this.config.error() ? FALLBACK_TILES : null);
    if (!source) return [];
    return [Leaflet.tileLayer(source.tileUrl, { attribution: source.tileAttribution, maxZoom: MAX_ZOOM })];
  });

  constructor() {
    void this.config.load();
    effect(() => {
      const places = this.places();
      const selected = this.selectedId();
      if (this.map()) untracked(() => this.draw(places, selected));
    });
  }

  protected onMapReady(map: LeafletMap): void {
    this.group = Leaflet.featureGroup().addTo(map);
    map.pm.setGlobalOptions({ minRadiusCircle: PLACE_MIN_RADIUS_M, maxRadiusCircle: PLACE_MAX_RADIUS_M, allowSelfIntersection: false });
    map.on('pm:create', (event) => {
      this.draft = event.layer;
      const shape = layerShape(event.layer);
      this.drawingChange.emit(null);
      if (shape) this.drawn.emit(shape);
    });
    map.on('pm:drawend', () => this.drawingChange.emit(null));
    const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    observer.observe(map.getContainer());
    this.destroyRef.onDestroy(() => {
      observer.disconnect();
      map.pm.disableDraw();
    });
    this.map.set(map);
  }

  /** Starts drawing a circle or a polygon (Esc or `cancel()` stops). */
  startDrawing(mode: DrawMode): void {
    const map = this.map();
    if (!map) return;
    this.discardDraft();
    map.pm.enableDraw(mode, { snappable: false, finishOn: mode === 'Polygon' ? null : undefined } as never);
    this.drawingChange.emit(mode);
  }

  /** Stops drawing and forgets a drawn shape that was not saved. */
  cancel(): void {
    this.map()?.pm.disableDraw();
    this.discardDraft();
    this.drawingChange.emit(null);
  }

  /** The draft becomes a saved place: it is redrawn from the list. */
  discardDraft(): void {
    this.draft?.remove();
    this.draft = null;
  }

  focus(id: string): void {
    const layer = this.layers.get(id) as (Layer & { getBounds(): LatLngBounds }) | undefined;
    const map = this.map();
    if (layer && map) map.fitBounds(layer.getBounds(), { padding: [48, 48], maxZoom: 17 });
  }

  private draw(places: readonly PlaceDto[], selected: string | null): void {
    const map = this.map();
    const group = this.group;
    if (!map || !group) return;
    group.clearLayers();
    this.layers.clear();
    for (const place of places) {
      const layer = placeLayer(place);
      layer.bindTooltip(place.name);
      layer.on('click', () => this.placeClicked.emit(place.id));
      group.addLayer(layer);
      this.layers.set(place.id, layer);
      if (place.id === selected) {
        layer.setStyle({ weight: 4, fillOpacity: 0.3 });
        layer.pm.enable({ allowSelfIntersection: false, snappable: false });
        layer.on('pm:edit', () => {
          const shape = layerShape(layer);
          if (shape) this.reshaped.emit({ id: place.id, shape });
        });
      }
    }
    if (!this.framed && places.length > 0) {
      this.framed = true;
      map.fitBounds(group.getBounds(), { padding: [32, 32], maxZoom: 15 });
    }
  }
}
