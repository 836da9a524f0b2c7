import { stringify } from 'csv-stringify/sync';
import type { VisitDto } from '@convoy/contracts';

/** One visit a line, times in UTC ISO 8601; an open visit has an empty `departed_at`. */
export function visitsToCsv(visits: readonly VisitDto[]): string {
  return stringify(
    visits.map((v) => [v.id, v.driverId, v.driverName, v.placeId, v.placeName, v.arrivedAt, v.departedAt ?? '', v.dwellSeconds]),
    { header: true, columns: ['id', 'driver_id', 'driver_name', 'place_id', 'place_name', 'arrived_at', 'departed_at', 'dwell_seconds'] },
  );
}
