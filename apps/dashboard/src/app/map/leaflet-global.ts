import 'leaflet';
import 'leaflet.markercluster';

type LeafletNamespace = typeof import('leaflet');

/**
 * The one Leaflet namespace: `window.L`, which leaflet.markercluster extends when it loads.
 * In esbuild's production bundle `import * as L from 'leaflet'` is a copy made before the plugin ran,
 * so `L.markerClusterGroup` is missing there ("is not a function", in production only). Map code
 * takes Leaflet from here.
 */
export const Leaflet: LeafletNamespace = (globalThis as unknown as { L: LeafletNamespace }).L;
