import { Icon } from 'leaflet';

/**
 * Leaflet finds its default marker images through a CSS url, which the bundler renames; the build
 * copies them to `leaflet/` instead (project.json assets), so point Leaflet there.
 */
Icon.Default.imagePath = 'leaflet/';

/** Europe, until the fleet's own positions give the map something better to frame. */
export const DEFAULT_VIEW = { center: [50.1, 14.4] as [number, number], zoom: 5 };
export const MAX_ZOOM = 19;
