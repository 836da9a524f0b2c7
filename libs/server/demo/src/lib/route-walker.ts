const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export interface RoutePoint {
  latitude: number;
  longitude: number;
  /** Degrees 1–360, the direction of travel. */
  heading: number;
}

type LatLon = readonly [number, number];

/**
 * A vehicle driving a polyline back and forth: `at(distance)` gives where it is after driving that
 * many metres from the first waypoint, and which way it faces.
 */
export class RouteWalker {
  private readonly lengths: number[];
  readonly length: number;

  constructor(private readonly waypoints: ReadonlyArray<LatLon>) {
    if (waypoints.length < 2) throw new Error('a route needs at least two waypoints');
    this.lengths = waypoints.slice(1).map((point, i) => metresBetween(waypoints[i], point));
    this.length = this.lengths.reduce((sum, l) => sum + l, 0);
  }

  at(distance: number): RoutePoint {
    const lap = ((distance % (2 * this.length)) + 2 * this.length) % (2 * this.length);
    const forward = lap <= this.length;
    let along = forward ? lap : 2 * this.length - lap;
    for (let i = 0; i < this.lengths.length; i++) {
      if (along <= this.lengths[i] || i === this.lengths.length - 1) {
        const from = this.waypoints[i];
        const to = this.waypoints[i + 1];
        const t = this.lengths[i] === 0 ? 0 : Math.min(1, along / this.lengths[i]);
        const bearing = bearingDegrees(forward ? from : to, forward ? to : from);
        return {
          latitude: from[0] + (to[0] - from[0]) * t,
          longitude: from[1] + (to[1] - from[1]) * t,
          heading: Math.round(bearing) || 360,
        };
      }
      along -= this.lengths[i];
    }
    throw new Error('unreachable');
  }
}

function metresBetween(a: LatLon, b: LatLon): number {
  const dLat = (b[0] - a[0]) * RAD;
  const dLon = (b[1] - a[1]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * RAD) * Math.cos(b[0] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function bearingDegrees(a: LatLon, b: LatLon): number {
  const y = Math.sin((b[1] - a[1]) * RAD) * Math.cos(b[0] * RAD);
  const x = Math.cos(a[0] * RAD) * Math.sin(b[0] * RAD) - Math.sin(a[0] * RAD) * Math.cos(b[0] * RAD) * Math.cos((b[1] - a[1]) * RAD);
  return (Math.atan2(y, x) / RAD + 360) % 360;
}
