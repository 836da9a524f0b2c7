import type { PlaceLookup } from '../geometry/place-index';

/**
 * The visit rule's constants (docs/architecture.md "Places and visits"):
 * - a visit starts when a point lies inside the shape (border included);
 * - it ends when a point lies beyond the shape by more than max(`leaveMarginM`, the point's accuracy),
 *   or when the points have stayed outside the shape (within that margin) for `leaveDwellS`;
 * - a point less accurate than `maxAccuracyM` neither starts nor ends a visit;
 * - a point older than the last evaluated one changes nothing (history keeps it; reports recompute).
 */
export interface VisitRules {
  leaveMarginM: number;
  leaveDwellS: number;
  maxAccuracyM: number;
}

export const DEFAULT_VISIT_RULES: VisitRules = { leaveMarginM: 30, leaveDwellS: 60, maxAccuracyM: 150 };

export interface OpenVisit {
  placeId: string;
  /** Epoch ms of the arrival. */
  since: number;
  /** Epoch ms of the first point outside the shape (but within the margin) since the last inside one. */
  outsideSince: number | null;
}

/** A driver's place state: what the rule needs to decide the next point. Plain data (persistable as JSON). */
export interface DriverPlaceState {
  /** Epoch ms of the newest point evaluated; null before the first. */
  lastEvaluatedAt: number | null;
  open: OpenVisit[];
}

export const EMPTY_PLACE_STATE: DriverPlaceState = { lastEvaluatedAt: null, open: [] };

export interface VisitPosition {
  lat: number;
  lon: number;
  /** Metres; null = unknown (treated as precise). */
  accuracy: number | null;
  /** Epoch ms. */
  recordedAt: number;
}

export type VisitTransition =
  | { type: 'arrived'; placeId: string; at: number }
  | { type: 'departed'; placeId: string; at: number; arrivedAt: number };

export interface VisitDecision {
  state: DriverPlaceState;
  transitions: VisitTransition[];
  /** Why nothing was decided, when the point was skipped. */
  ignored?: 'out-of-order' | 'poor-accuracy';
}

/**
 * Given a driver's previous place state and a new position, the next state and the arrivals and
 * departures it causes. Pure: the caller persists `state` with the position (see docs).
 * A departure is dated when the driver first left the shape for good (`outsideSince`), else at the point.
 * A place that no longer exists ends its open visit at the point.
 */
export function decideVisits(
  previous: DriverPlaceState,
  position: VisitPosition,
  places: PlaceLookup,
  rules: VisitRules = DEFAULT_VISIT_RULES,
): VisitDecision {
  if (previous.lastEvaluatedAt !== null && position.recordedAt < previous.lastEvaluatedAt)
    return { state: previous, transitions: [], ignored: 'out-of-order' };
  const t = position.recordedAt;
  if (position.accuracy !== null && position.accuracy > rules.maxAccuracyM)
    return { state: { ...previous, lastEvaluatedAt: t }, transitions: [], ignored: 'poor-accuracy' };

  const marginM = Math.max(rules.leaveMarginM, position.accuracy ?? 0);
  const hits = new Map(places.near(position.lat, position.lon, marginM).map((hit) => [hit.place.id, hit.metresOutside]));
  const transitions: VisitTransition[] = [];
  const open: OpenVisit[] = [];

  for (const visit of previous.open) {
    const outside = places.byId(visit.placeId) ? hits.get(visit.placeId) : undefined;
    if (outside === 0) {
      open.push({ ...visit, outsideSince: null });
      continue;
    }
    const outsideSince = visit.outsideSince ?? t;
    const beyondMargin = outside === undefined;
    if (beyondMargin || t - outsideSince >= rules.leaveDwellS * 1000) {
      const at = places.byId(visit.placeId) ? outsideSince : t;
      transitions.push({ type: 'departed', placeId: visit.placeId, at, arrivedAt: visit.since });
    } else {
      open.push({ ...visit, outsideSince });
    }
  }

  const alreadyOpen = new Set(open.map((visit) => visit.placeId));
  for (const [placeId, outside] of hits) {
    if (outside !== 0 || alreadyOpen.has(placeId)) continue;
    // a place just left (departed above) and re-entered by the same point cannot happen: inside ⇒ kept open
    open.push({ placeId, since: t, outsideSince: null });
    transitions.push({ type: 'arrived', placeId, at: t });
  }
  return { state: { lastEvaluatedAt: t, open }, transitions };
}

/** Runs `decideVisits` over points in the order given (as a batch from the ingest path would arrive). */
export function decideVisitsInOrder(
  previous: DriverPlaceState,
  positions: VisitPosition[],
  places: PlaceLookup,
  rules: VisitRules = DEFAULT_VISIT_RULES,
): VisitDecision {
  let state = previous;
  const transitions: VisitTransition[] = [];
  for (const position of positions) {
    const decision = decideVisits(state, position, places, rules);
    state = decision.state;
    transitions.push(...decision.transitions);
  }
  return { state, transitions };
}
