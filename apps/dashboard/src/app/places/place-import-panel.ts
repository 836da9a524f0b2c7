import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import type { PlaceImportResult } from '@convoy/contracts';
import { actionErrorMessage } from '../core/http/api-error';
import { importContentType, PlacesApi } from './places-api';
import { describeShape, KIND_LABELS } from './place-shapes';

/**
 * Import a CSV or GeoJSON file: the server's dry run first (what would be created, every bad row by
 * its line), then the real import — refused as a whole while any row is bad.
 */
@Component({
  selector: 'cv-place-import-panel',
  template: `
    <section class="cv-card import" aria-labelledby="import-title">
      <h2 id="import-title">Import places</h2>
      <p class="cv-hint">
        CSV with the header <code>name,lat,lon,radius_m,kind,note</code> (UTF-8, <code>,</code> or <code>;</code>), or a GeoJSON
        FeatureCollection (Points with <code>radius_m</code>, or Polygons).
      </p>
      <div class="cv-field">
        <label for="place-import-file">File</label>
        <input id="place-import-file" type="file" accept=".csv,.geojson,.json,text/csv,application/geo+json" (change)="pick($event)" data-testid="place-import-file" />
      </div>
      @if (error(); as message) {
        <p class="cv-alert" role="alert" data-testid="place-import-error">{{ message }}</p>
      }
      @if (preview(); as result) {
        <div data-testid="place-import-preview" aria-live="polite">
          @if (result.problems.length > 0) {
            <p class="cv-alert cv-alert--warn">
              {{ result.problems.length }} bad {{ result.problems.length === 1 ? 'row' : 'rows' }}: fix the file and choose it again. Nothing is imported while any row is bad.
            </p>
            <table class="cv-table" aria-label="Bad rows">
              <thead><tr><th scope="col">Line</th><th scope="col">Problem</th></tr></thead>
              <tbody>
                @for (problem of result.problems; track problem.line) {
                  <tr data-testid="place-import-problem"><td class="cv-mono">{{ problem.line }}</td><td>{{ problem.reason }}</td></tr>
                }
              </tbody>
            </table>
          } @else {
            <p class="cv-alert cv-alert--ok">{{ result.places.length }} {{ result.places.length === 1 ? 'place' : 'places' }} ready to import.</p>
            <table class="cv-table" aria-label="Places to import">
              <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Shape</th></tr></thead>
              <tbody>
                @for (place of result.places.slice(0, 50); track $index) {
                  <tr><td>{{ place.name }}</td><td>{{ kindLabels[place.kind ?? 'other'] }}</td><td>{{ describe(place) }}</td></tr>
                }
              </tbody>
            </table>
            @if (result.places.length > 50) {
              <p class="cv-hint">… and {{ result.places.length - 50 }} more.</p>
            }
            <div class="cv-dialog-actions">
              <button type="button" class="cv-btn cv-btn--ghost" (click)="reset()">Cancel</button>
              <button type="button" class="cv-btn cv-btn--primary" [disabled]="busy()" (click)="confirm()" data-testid="place-import-confirm">
                Import {{ result.places.length }} {{ result.places.length === 1 ? 'place' : 'places' }}
              </button>
            </div>
          }
        </div>
      }
      @if (done(); as message) {
        <p class="cv-alert cv-alert--ok" role="status" data-testid="place-import-done">{{ message }}</p>
      }
    </section>
  `,
  styles: `
    .import table { margin: 8px 0; }
    code { font-size: 0.9em; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaceImportPanel {
  readonly imported = output<number>();

  private readonly api = inject(PlacesApi);
  protected readonly kindLabels = KIND_LABELS;
  protected readonly describe = describeShape;
  protected readonly preview = signal<PlaceImportResult | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly busy = signal(false);
  private file: { blob: Blob; type: string } | null = null;

  protected async pick(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.reset();
    if (!file) return;
    const type = importContentType(file);
    if (!type) {
      this.error.set(`${file.name}: choose a .csv or .geojson file.`);
      return;
    }
    this.file = { blob: file, type };
    this.busy.set(true);
    try {
      this.preview.set(await this.api.import(file, type, true));
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not read the file'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async confirm(): Promise<void> {
    if (!this.file) return;
    this.busy.set(true);
    try {
      const result = await this.api.import(this.file.blob, this.file.type, false);
      this.preview.set(null);
      this.done.set(`${result.created} ${result.created === 1 ? 'place' : 'places'} imported.`);
      this.imported.emit(result.created);
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not import the places'));
    } finally {
      this.busy.set(false);
    }
  }

  protected reset(): void {
    this.preview.set(null);
    this.error.set(null);
    this.done.set(null);
    this.file = null;
  }
}
