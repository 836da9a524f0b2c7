import { LeafletDirective, LeafletLayersDirective } from '@bluehalo/ngx-leaflet';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked, ViewEncapsulation } from '@angular/core';
import type { PositionDto } from '@convoy/contracts';
import type { Layer, Map as LeafletMap, MapOptions } from 'leaflet';
import { FALLBACK_TILES, PublicConfigStore } from '../core/config/public-config.store';
import { Leaflet } from '../map/leaflet-global';
import { DEFAULT_VIEW, MAX_ZOOM } from '../map/leaflet-setup';
import { TrackLayer } from '../map/track.layer';

/** One trip on a map: its track drawn, start (S) and end (E) marked, framed. */
@Component({
  selector: 'cv-trip-map',
  imports: [LeafletDirective, LeafletLayersDirective],
  template: `<div
    class="cv-trip-map"
    leaflet
    [leafletOptions]="options"
    [leafletLayers]="baseLayers()"
    (leafletMapReady)="onMapReady($event)"
    role="region"
    aria-label="Trip map"
    data-testid="trip-map"
  ></div>`,
  styles: `
    cv-trip-map { display: block; }
    .cv-trip-map { height: 360px; border-radius: 8px; }
  `,
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TripMap {
  readonly track = input<readonly PositionDto[] | null>(null);

  private readonly config = inject(PublicConfigStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly map = signal<LeafletMap | null>(null);
  private layer: TrackLayer | null = null;

  protected readonly options: MapOptions = { center: Leaflet.latLng(DEFAULT_VIEW.center), zoom: DEFAULT_VIEW.zoom, maxZoom: MAX_ZOOM };
  protected readonly baseLayers = computed<Layer[]>(() => {
    const source = this.config.config() ?? (this.config.error() ? FALLBACK_TILES : null);
    return source ? [Leaflet.tileLayer(source.tileUrl, { attribution: source.tileAttribution, maxZoom: MAX_ZOOM })] : [];
  });

  constructor() {
    void this.config.load();
    effect(() => {
      const track = this.track();
      const map = this.map();
      if (!map) return;
      untracked(() => {
        this.layer?.showTrack(track);
        const bounds = this.layer?.bounds();
        if (bounds) map.fitBounds(bounds, { padding: [32, 32], maxZoom: 17 });
      });
    });
  }

  protected onMapReady(map: LeafletMap): void {
    this.layer = new TrackLayer(map);
    this.destroyRef.onDestroy(() => this.layer?.destroy());
    this.map.set(map);
  }
}
