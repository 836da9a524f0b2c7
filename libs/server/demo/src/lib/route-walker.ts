import { greatCircleMetres, initialBearingDegrees } from '@convoy/contracts';

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
    this.lengths = waypoints.slice(1).map((point, i) => greatCircleMetres(waypoints[i][0], waypoints[i][1], point[0], point[1]));
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
        const [a, b] = forward ? [from, to] : [to, from];
        const bearing = initialBearingDegrees(a[0], a[1], b[0], b[1]);
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
