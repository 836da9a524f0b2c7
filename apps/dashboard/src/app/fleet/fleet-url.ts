import type { CanMatchFn } from '@angular/router';

/**
 * `/` and `/drivers/:id` are one page (the map stays while the driver panel opens and closes).
 * Matching only those keeps the fleet chunk (Leaflet) from loading for other pages.
 */
export const isFleetUrl: CanMatchFn = (_route, segments) =>
  segments.length === 0 || (segments.length === 2 && segments[0].path === 'drivers');
