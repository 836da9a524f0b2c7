import type { StopDto, TripDto } from '@convoy/contracts';

export type TimelineEntry = { kind: 'trip'; at: string; trip: TripDto; index: number } | { kind: 'stop'; at: string; stop: StopDto };

/** A driver's trips and stops as one list in time order (they alternate: a stop ends where a trip starts). */
export function timeline(trips: readonly TripDto[], stops: readonly StopDto[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...trips.map((trip, index) => ({ kind: 'trip' as const, at: trip.startAt, trip, index })),
    ...stops.map((stop) => ({ kind: 'stop' as const, at: stop.startAt, stop })),
  ];
  // at the same instant a stop (ending) comes before the trip that starts then
  return entries.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === 'stop' ? -1 : 1));
}

/** "1 h 05 min", "24 min", "45 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "12.4 km", "850 m". */
export function formatDistance(metres: number): string {
  return metres >= 1000 ? `${(metres / 1000).toFixed(1)} km` : `${Math.round(metres)} m`;
}
