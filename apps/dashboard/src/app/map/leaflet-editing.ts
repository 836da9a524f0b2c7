import './leaflet-global';
import '@geoman-io/leaflet-geoman-free';

/**
 * Leaflet with leaflet-geoman (drawing and editing circles and polygons). Geoman's bundle extends the
 * global `L` when it loads, like markercluster (STACK.md): import it only after `leaflet-global`, and
 * only from the pages that edit shapes, so the live map's bundle does not carry it.
 */
export { Leaflet } from './leaflet-global';
