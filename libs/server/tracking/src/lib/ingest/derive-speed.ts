import { greatCircleMetres } from '@convoy/contracts';

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
  const speed = greatCircleMetres(previous.latitude, previous.longitude, next.latitude, next.longitude) / seconds;
  return speed <= 350 ? Math.round(speed * 100) / 100 : null;
}
