import type { SummaryRowDto } from '@convoy/contracts';
import type { ReportDriver } from '../report-positions.repository';
import type { PositionTrack } from '../trips/position-track';
import { detectTripsAndStops } from '../trips/trip-detector';
import type { TripRules } from '../trips/trip-rules';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * One driver's summary row, straight from the detector's segments: no trip/stop DTOs, no place
 * lookups. Each figure is rounded per trip/stop first, as the trips and stops reports show it, so
 * the summary equals what those reports add up to.
 */
export function summaryRow(driver: ReportDriver, positions: PositionTrack, rules: TripRules): SummaryRowDto {
  const { trips, stops } = detectTripsAndStops(positions, rules);
  let distanceM = 0;
  let drivingS = 0;
  let maxSpeedKmh = 0;
  for (const trip of trips) {
    distanceM += Math.round(trip.distanceM);
    drivingS += Math.round(trip.durationS);
    maxSpeedKmh = Math.max(maxSpeedKmh, round(trip.maxSpeedKmh));
  }
  let stoppedS = 0;
  for (const stop of stops) stoppedS += Math.round(stop.durationS);
  return {
    driverId: driver.id,
    driverName: driver.name,
    distanceM: Math.round(distanceM),
    drivingS,
    stoppedS,
    trips: trips.length,
    stops: stops.length,
    maxSpeedKmh: round(maxSpeedKmh),
    firstPositionAt: positions.length ? new Date(positions.t[0]).toISOString() : null,
    lastPositionAt: positions.length ? new Date(positions.t[positions.length - 1]).toISOString() : null,
  };
}
