import type { TripRulesDto } from '@convoy/contracts';

/**
 * Thresholds of the trips/stops report (after traccar's TripsConfig). Defaults per install from
 * REPORT_* variables (README "Reports"):
 * - a trip ends once the driver has not moved for `minimalParkingDurationS`; a shorter halt (a traffic
 *   light, a level crossing) stays inside the trip;
 * - a trip shorter than both `minimalTripDistanceM` and `minimalTripDurationS` is merged into the
 *   stop around it (a car park manoeuvre, GPS drift);
 * - a gap without points longer than `minimalNoDataDurationS` ends a trip (and a stop): we do not know
 *   what happened in it;
 * - a point moves when its speed (sent by the channel, or derived from the previous fix) is at least
 *   `movingSpeedKmh` and it lies outside the jitter radius of the last accepted point.
 */
export type TripRules = TripRulesDto;

export const DEFAULT_TRIP_RULES: TripRules = {
  minimalParkingDurationS: 180,
  minimalTripDistanceM: 500,
  minimalTripDurationS: 300,
  minimalNoDataDurationS: 3600,
  movingSpeedKmh: 5,
};

/** A displacement this small (metres) is jitter whatever accuracy the points claim. */
export const MIN_JITTER_RADIUS_M = 10;
