import type { Circle, Map as LeafletMap, Marker } from 'leaflet';
import type { LiveDriver } from '../core/live/live-driver';
import { Leaflet } from './leaflet-global';

/**
 * The selected driver: a ring around its marker (a DOM element, above the canvas) and a circle of its
 * position's accuracy in metres.
 */
export class SelectionLayer {
  private ring: Marker | null = null;
  private accuracy: Circle | null = null;

  constructor(private readonly map: LeafletMap) {}

  show(driver: LiveDriver | null): void {
    const position = driver?.lastPosition;
    if (!driver || !position) {
      this.clear();
      return;
    }
    const latLng = Leaflet.latLng(position.latitude, position.longitude);
    if (!this.ring) {
      this.ring = Leaflet.marker(latLng, {
        icon: Leaflet.divIcon({
          className: 'cv-selected',
          iconSize: [30, 30],
          html: '<span class="cv-selected-ring" data-testid="selected-marker" aria-hidden="true"></span>',
        }),
        interactive: false,
        keyboard: false,
        zIndexOffset: 1000,
      }).addTo(this.map);
    } else if (!this.ring.getLatLng().equals(latLng)) {
      this.ring.setLatLng(latLng);
    }
    this.ring.getElement()?.setAttribute('data-driver-id', driver.id);

    const radius = position.accuracy ?? 0;
    if (radius > 0) {
      if (!this.accuracy) {
        this.accuracy = Leaflet.circle(latLng, {
          radius,
          color: '#4f46e5',
          weight: 1,
          opacity: 0.6,
          fillColor: '#6366f1',
          fillOpacity: 0.12,
          interactive: false,
          className: 'cv-accuracy',
        }).addTo(this.map);
      } else {
        this.accuracy.setLatLng(latLng);
        this.accuracy.setRadius(radius);
      }
    } else {
      this.accuracy?.remove();
      this.accuracy = null;
    }
  }

  destroy(): void {
    this.clear();
  }

  private clear(): void {
    this.ring?.remove();
    this.ring = null;
    this.accuracy?.remove();
    this.accuracy = null;
  }
}
