import { stringify } from 'csv-stringify/sync';
import type { StopDto, SummaryRowDto, TripDto } from '@convoy/contracts';
import { localDateTime } from './report-range';

const local = (iso: string | null, tz: string) => (iso ? localDateTime(Date.parse(iso), tz) : '');

export function tripsToCsv(trips: TripDto[], tz: string, placeNames: Map<string, string>): string {
  return stringify(
    trips.map((t) => [
      local(t.startAt, tz),
      local(t.endAt, tz),
      t.durationS,
      t.distanceM,
      t.avgSpeedKmh,
      t.maxSpeedKmh,
      t.start.lat,
      t.start.lon,
      t.start.placeId ? (placeNames.get(t.start.placeId) ?? '') : '',
      t.end.lat,
      t.end.lon,
      t.end.placeId ? (placeNames.get(t.end.placeId) ?? '') : '',
    ]),
    {
      header: true,
      columns: ['start_at', 'end_at', 'duration_s', 'distance_m', 'avg_speed_kmh', 'max_speed_kmh', 'start_lat', 'start_lon', 'start_place', 'end_lat', 'end_lon', 'end_place'],
    },
  );
}

export function stopsToCsv(stops: StopDto[], tz: string): string {
  return stringify(
    stops.map((s) => [local(s.startAt, tz), local(s.endAt, tz), s.durationS, s.lat, s.lon, s.placeName ?? '']),
    { header: true, columns: ['start_at', 'end_at', 'duration_s', 'lat', 'lon', 'place'] },
  );
}

export function summaryToCsv(rows: SummaryRowDto[], tz: string): string {
  return stringify(
    rows.map((r) => [
      r.driverName,
      r.distanceM,
      r.drivingS,
      r.stoppedS,
      r.trips,
      r.stops,
      r.maxSpeedKmh,
      local(r.firstPositionAt, tz),
      local(r.lastPositionAt, tz),
    ]),
    {
      header: true,
      columns: ['driver', 'distance_m', 'driving_s', 'stopped_s', 'trips', 'stops', 'max_speed_kmh', 'first_position_at', 'last_position_at'],
    },
  );
}
