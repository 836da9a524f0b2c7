const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface TimedPoint {
  latitude: number;
  longitude: number;
  recordedAt: Date;
}

/**
 * Speed in m/s between two fixes, when it means something: the later fix must be at least a second
 * newer, and an implausible jump (> 350 m/s, i.e. a GPS glitch) gives null rather than a lie.
 */
export function deriveSpeed(previous: TimedPoint | undefined, next: TimedPoint): number | null {
  if (!previous) return null;
  const seconds = (next.recordedAt.getTime() - previous.recordedAt.getTime()) / 1000;
  if (seconds < 1) return null;
  const speed = distanceMetres(previous.latitude, previous.longitude, next.latitude, next.longitude) / seconds;
  return speed <= 350 ? Math.round(speed * 100) / 100 : null;
}
