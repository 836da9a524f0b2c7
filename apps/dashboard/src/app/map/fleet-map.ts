import { LeafletDirective, LeafletLayersDirective } from '@bluehalo/ngx-leaflet';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { latLng, type Layer, type Map as LeafletMap, type MapOptions, tileLayer } from 'leaflet';
import { FALLBACK_TILES, PublicConfigStore } from '../core/config/public-config.store';
import { DEFAULT_VIEW, MAX_ZOOM } from './leaflet-setup';

/**
 * The live fleet map. This component owns the Leaflet map; each kind of content (base tiles now;
 * driver markers, clusters and trails in later slices) is its own layer fed from a store.
 */
@Component({
  selector: 'cv-fleet-map',
  imports: [LeafletDirective, LeafletLayersDirective],
  template: `
    <div
      class="map"
      leaflet
      [leafletOptions]="options"
      [leafletLayers]="layers()"
      (leafletMapReady)="onMapReady($event)"
      role="region"
      aria-label="Fleet map"
      data-testid="fleet-map"
    ></div>
    @if (config.error(); as error) {
      <p class="map-note" role="status">{{ error }} Showing OpenStreetMap tiles.</p>
    }
  `,
  styles: `
    :host {
      display: block;
      position: absolute;
      inset: 0;
    }
    .map {
      position: absolute;
      inset: 0;
    }
    .map-note {
      position: absolute;
      z-index: 1000;
      left: 50%;
      bottom: 28px;
      transform: translateX(-50%);
      margin: 0;
      padding: 6px 12px;
      border-radius: 8px;
      background: var(--cv-surface);
      border: 1px solid var(--cv-border);
      box-shadow: var(--cv-shadow);
      font-size: 12.5px;
      color: var(--cv-text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FleetMap {
  protected readonly config = inject(PublicConfigStore);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly options: MapOptions = {
    center: latLng(DEFAULT_VIEW.center),
    zoom: DEFAULT_VIEW.zoom,
    minZoom: 2,
    maxZoom: MAX_ZOOM,
    worldCopyJump: true,
    zoomControl: true,
    attributionControl: true,
  };

  /** The base layer, from the server's tile settings (OSM as a last resort if they cannot be read). */
  protected readonly layers = computed<Layer[]>(() => {
    const source = this.config.config() ?? (this.config.error() ? FALLBACK_TILES : null);
    if (!source) {
      return [];
    }
    return [
      tileLayer(source.tileUrl, {
        attribution: source.tileAttribution,
        maxZoom: MAX_ZOOM,
      }),
    ];
  });

  protected onMapReady(map: LeafletMap): void {
    // The header/banner can change the map's height without a window resize (banner dismissed,
    // rotated phone): keep Leaflet's idea of its size right.
    const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    observer.observe(map.getContainer());
    this.destroyRef.onDestroy(() => observer.disconnect());
  }
}
