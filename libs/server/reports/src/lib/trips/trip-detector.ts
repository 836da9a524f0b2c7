import { greatCircleMetres } from '@convoy/contracts';
import type { PositionTrack } from './position-track';
import { DEFAULT_TRIP_RULES, MIN_JITTER_RADIUS_M, type TripRules } from './trip-rules';

export type { ReportPosition } from './position-track';

export interface TripSegment {
  /** Indexes into the positions: the trip runs from `first` to `last`. */
  first: number;
  last: number;
  startAt: number;
  endAt: number;
  durationS: number;
  distanceM: number;
  avgSpeedKmh: number;
  maxSpeedKmh: number;
}

export interface StopSegment {
  /** The point the stop is at (where the driver parked). */
  at: number;
  startAt: number;
  endAt: number;
  durationS: number;
}

export interface TripsAndStops {
  trips: TripSegment[];
  stops: StopSegment[];
}

interface Leg {
  from: number;
  to: number;
  metres: number;
  kmh: number;
  moving: boolean;
}

/**
 * Trips and stops of one driver from their positions in time order, as a pure function of the points
 * and the thresholds (see `TripRules`). Distances sum great-circle legs between accepted points; a
 * point within the jitter radius (the larger of the two points' accuracy, ≥ 10 m) of the last accepted
 * one adds no distance and is not movement, so a parked phone's drift is neither a trip nor kilometres.
 */
export function detectTripsAndStops(positions: PositionTrack, rules: TripRules = DEFAULT_TRIP_RULES): TripsAndStops {
  const trips: TripSegment[] = [];
  const stops: StopSegment[] = [];
  for (const [start, end] of blocks(positions, rules.minimalNoDataDurationS * 1000)) {
    const legs = acceptedLegs(positions, start, end, rules);
    const raw = rawTrips(positions, legs, start, end, rules);
    const kept = raw.filter(
      (trip) => trip.distanceM >= rules.minimalTripDistanceM || trip.durationS >= rules.minimalTripDurationS,
    );
    trips.push(...kept);
    stops.push(...stopsBetween(positions, kept, start, end, rules));
  }
  return { trips, stops };
}

/** Index ranges [start, end] without a gap longer than `maxGapMs`. */
function blocks(positions: PositionTrack, maxGapMs: number): [number, number][] {
  const ranges: [number, number][] = [];
  const t = positions.t;
  let start = 0;
  for (let i = 1; i <= positions.length; i++) {
    if (i === positions.length || t[i] - t[i - 1] > maxGapMs) {
      if (positions.length > 0) ranges.push([start, i - 1]);
      start = i;
    }
  }
  return ranges;
}

function acceptedLegs(p: PositionTrack, start: number, end: number, rules: TripRules): Leg[] {
  const { lat, lon, accuracy, speed } = p;
  const legs: Leg[] = [];
  let anchor = start;
  for (let i = start + 1; i <= end; i++) {
    const metres = greatCircleMetres(lat[anchor], lon[anchor], lat[i], lon[i]);
    // unknown accuracy (NaN) counts as 0: Math.max would pass the NaN on
    const jitter = Math.max(MIN_JITTER_RADIUS_M, accuracy[anchor] || 0, accuracy[i] || 0);
    if (metres <= jitter) continue;
    // speed as sent, else over the last step (not since the anchor, which may be a long park ago)
    const sent = speed[i];
    const kmh = Number.isNaN(sent) ? stepKmh(p, i - 1, i) : sent * 3.6;
    legs.push({ from: anchor, to: i, metres, kmh, moving: kmh >= rules.movingSpeedKmh });
    anchor = i;
  }
  return legs;
}

/** Speed over one step (points a → b), for a point its channel sent none for. */
function stepKmh(p: PositionTrack, a: number, b: number): number {
  const seconds = (p.t[b] - p.t[a]) / 1000;
  return seconds > 0 ? (greatCircleMetres(p.lat[a], p.lon[a], p.lat[b], p.lon[b]) / seconds) * 3.6 : 0;
}

function rawTrips(p: PositionTrack, legs: Leg[], start: number, end: number, rules: TripRules): TripSegment[] {
  const trips: TripSegment[] = [];
  const parkingMs = rules.minimalParkingDurationS * 1000;
  let current: { first: number; last: number; legs: Leg[] } | null = null;
  let next = 0;
  for (let i = start + 1; i <= end; i++) {
    const leg = legs[next]?.to === i ? legs[next++] : undefined;
    if (current && leg) current.legs.push(leg);
    if (leg?.moving) {
      // the trip starts at the last fix before the move (the driver was there until then)
      if (!current) current = { first: i - 1, last: i, legs: [leg] };
      current.last = i;
    } else if (current && p.t[i] - p.t[current.last] >= parkingMs) {
      trips.push(segment(p, current.first, current.last, current.legs));
      current = null;
    }
  }
  if (current) trips.push(segment(p, current.first, current.last, current.legs));
  return trips;
}

function segment(p: PositionTrack, first: number, last: number, legs: Leg[]): TripSegment {
  // the legs after `last` (the halt that ended the trip) are not part of it; summed in order, as before
  let distanceM = 0;
  let maxKmh = 0;
  for (const leg of legs) {
    if (leg.to > last) continue;
    distanceM += leg.metres;
    maxKmh = Math.max(maxKmh, leg.kmh);
  }
  const durationS = (p.t[last] - p.t[first]) / 1000;
  return {
    first,
    last,
    startAt: p.t[first],
    endAt: p.t[last],
    durationS,
    distanceM,
    avgSpeedKmh: durationS > 0 ? (distanceM / durationS) * 3.6 : 0,
    maxSpeedKmh: maxKmh,
  };
}

/** The time between trips (and before the first / after the last) is a stop when it lasts ≥ minimal parking. */
function stopsBetween(p: PositionTrack, trips: TripSegment[], start: number, end: number, rules: TripRules): StopSegment[] {
  const bounds: [number, number][] = [];
  let from = start;
  for (const trip of trips) {
    bounds.push([from, trip.first]);
    from = trip.last;
  }
  bounds.push([from, end]);
  return bounds
    .map(([a, b]) => ({ at: a, startAt: p.t[a], endAt: p.t[b], durationS: (p.t[b] - p.t[a]) / 1000 }))
    .filter((stop) => stop.durationS >= rules.minimalParkingDurationS);
}
