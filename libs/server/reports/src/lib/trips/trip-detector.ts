import { greatCircleMetres } from '@convoy/contracts';
import { DEFAULT_TRIP_RULES, MIN_JITTER_RADIUS_M, type TripRules } from './trip-rules';

/** One stored position, oldest first. */
export interface ReportPosition {
  lat: number;
  lon: number;
  /** Metres; null = unknown. */
  accuracy: number | null;
  /** m/s as stored (sent by the channel or derived at ingest); null = unknown. */
  speed: number | null;
  /** Epoch ms. */
  t: number;
}

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
export function detectTripsAndStops(positions: ReportPosition[], rules: TripRules = DEFAULT_TRIP_RULES): TripsAndStops {
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
function blocks(positions: ReportPosition[], maxGapMs: number): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= positions.length; i++) {
    if (i === positions.length || positions[i].t - positions[i - 1].t > maxGapMs) {
      if (positions.length > 0) ranges.push([start, i - 1]);
      start = i;
    }
  }
  return ranges;
}

function acceptedLegs(p: ReportPosition[], start: number, end: number, rules: TripRules): Leg[] {
  const legs: Leg[] = [];
  let anchor = start;
  for (let i = start + 1; i <= end; i++) {
    const metres = greatCircleMetres(p[anchor].lat, p[anchor].lon, p[i].lat, p[i].lon);
    const jitter = Math.max(MIN_JITTER_RADIUS_M, p[anchor].accuracy ?? 0, p[i].accuracy ?? 0);
    if (metres <= jitter) continue;
    // speed as sent, else over the last step (not since the anchor, which may be a long park ago)
    const sent = p[i].speed;
    const kmh = sent !== null ? sent * 3.6 : stepKmh(p[i - 1], p[i]);
    legs.push({ from: anchor, to: i, metres, kmh, moving: kmh >= rules.movingSpeedKmh });
    anchor = i;
  }
  return legs;
}

/** Speed over one step, for a point its channel sent none for. */
function stepKmh(a: ReportPosition, b: ReportPosition): number {
  const seconds = (b.t - a.t) / 1000;
  return seconds > 0 ? (greatCircleMetres(a.lat, a.lon, b.lat, b.lon) / seconds) * 3.6 : 0;
}

function rawTrips(p: ReportPosition[], legs: Leg[], start: number, end: number, rules: TripRules): TripSegment[] {
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
    } else if (current && p[i].t - p[current.last].t >= parkingMs) {
      trips.push(segment(p, current.first, current.last, current.legs));
      current = null;
    }
  }
  if (current) trips.push(segment(p, current.first, current.last, current.legs));
  return trips;
}

function segment(p: ReportPosition[], first: number, last: number, legs: Leg[]): TripSegment {
  // the legs after `last` (the halt that ended the trip) are not part of it; summed in order, as before
  let distanceM = 0;
  let maxKmh = 0;
  for (const leg of legs) {
    if (leg.to > last) continue;
    distanceM += leg.metres;
    maxKmh = Math.max(maxKmh, leg.kmh);
  }
  const durationS = (p[last].t - p[first].t) / 1000;
  return {
    first,
    last,
    startAt: p[first].t,
    endAt: p[last].t,
    durationS,
    distanceM,
    avgSpeedKmh: durationS > 0 ? (distanceM / durationS) * 3.6 : 0,
    maxSpeedKmh: maxKmh,
  };
}

/** The time between trips (and before the first / after the last) is a stop when it lasts ≥ minimal parking. */
function stopsBetween(p: ReportPosition[], trips: TripSegment[], start: number, end: number, rules: TripRules): StopSegment[] {
  const bounds: [number, number][] = [];
  let from = start;
  for (const trip of trips) {
    bounds.push([from, trip.first]);
    from = trip.last;
  }
  bounds.push([from, end]);
  return bounds
    .map(([a, b]) => ({ at: a, startAt: p[a].t, endAt: p[b].t, durationS: (p[b].t - p[a].t) / 1000 }))
    .filter((stop) => stop.durationS >= rules.minimalParkingDurationS);
}
