import type { PlaceDto } from '@convoy/contracts';
import type { LayerGroup, Map as LeafletMap } from 'leaflet';
import { placeLayer } from '../places/place-shapes';
import { Leaflet } from './leaflet-global';

/** Where the fleet map remembers whether places are shown. */
export const SHOW_PLACES_KEY = 'cv.map.places';
const PLACES_PANE = 'cv-places';

/** The places (circles and polygons, coloured by kind, named on hover) under the drivers on the fleet map. */
export class PlacesLayer {
  private readonly group: LayerGroup;
  private readonly renderer = Leaflet.svg({ pane: PLACES_PANE });

  constructor(map: LeafletMap) {
    // under the drivers' canvas (overlayPane, 400) and the track (390): a place never hides a driver
    const pane = map.getPane(PLACES_PANE) ?? map.createPane(PLACES_PANE);
    pane.style.zIndex = '380';
    this.group = Leaflet.layerGroup().addTo(map);
  }

  show(places: readonly PlaceDto[] | null): void {
    this.group.clearLayers();
    for (const place of places ?? []) {
      const layer = placeLayer(place, { renderer: this.renderer, pane: PLACES_PANE });
      layer.bindTooltip(place.name, { className: 'cv-place-tooltip' });
      this.group.addLayer(layer);
    }
  }

  destroy(): void {
    this.group.remove();
  }
}
