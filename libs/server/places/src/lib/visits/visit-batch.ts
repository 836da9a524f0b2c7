import type { PlaceLookup } from '../geometry/place-index';
import { decideVisits, DEFAULT_VISIT_RULES, type DriverPlaceState, type OpenVisit, type VisitRules } from './visit-rule';

/** An open visit as `driver_places_states.open` stores it: the rule's state plus the `visits` row it belongs to. */
export interface PersistedOpenVisit extends OpenVisit {
  visitId: string;
}

export interface PersistedPlaceState extends DriverPlaceState {
  open: PersistedOpenVisit[];
}

/** One point of a driver, as the batch delivers it. */
export interface BatchPoint {
  lat: number;
  lon: number;
  accuracy: number | null;
  /** Epoch ms. */
  recordedAt: number;
}

/** A visit that starts in this batch (it may end in it too). */
export interface OpenedVisit {
  visitId: string;
  placeId: string;
  arrivedAt: number;
  departedAt: number | null;
  position: { lat: number; lon: number };
}

/** A visit opened by an earlier batch that this batch ends. */
export interface ClosedVisit {
  visitId: string;
  placeId: string;
  arrivedAt: number;
  departedAt: number;
}

export interface DriverVisitPlan {
  state: PersistedPlaceState;
  opened: OpenedVisit[];
  closed: ClosedVisit[];
}

/**
 * One driver's part of a batch: the points in timestamp order through `decideVisits`, each arrival
 * given a visit id (`newId`) that the state remembers, so the departure — in this batch or a later
 * one, on any replica — closes that same row. Points older than `previous.lastEvaluatedAt` change
 * nothing (the rule skips them).
 */
export function planDriverVisits(
  previous: PersistedPlaceState,
  points: readonly BatchPoint[],
  places: PlaceLookup,
  newId: () => string,
  rules: VisitRules = DEFAULT_VISIT_RULES,
): DriverVisitPlan {
  const ordered = [...points].sort((a, b) => a.recordedAt - b.recordedAt);
  let state = previous;
  const opened = new Map<string, OpenedVisit>();
  const closed: ClosedVisit[] = [];
  for (const point of ordered) {
    const decision = decideVisits(state, point, places, rules);
    if (decision.transitions.length === 0) {
      state = decision.state as PersistedPlaceState;
      continue;
    }
    const idOf = new Map(state.open.map((visit) => [visit.placeId, visit.visitId]));
    const open: PersistedOpenVisit[] = [];
    for (const transition of decision.transitions) {
      if (transition.type === 'departed') {
        const visitId = idOf.get(transition.placeId) as string;
        const fresh = opened.get(visitId);
        if (fresh) fresh.departedAt = transition.at;
        else closed.push({ visitId, placeId: transition.placeId, arrivedAt: transition.arrivedAt, departedAt: transition.at });
      } else {
        const visitId = newId();
        idOf.set(transition.placeId, visitId);
        opened.set(visitId, { visitId, placeId: transition.placeId, arrivedAt: transition.at, departedAt: null, position: { lat: point.lat, lon: point.lon } });
      }
    }
    for (const visit of decision.state.open) open.push({ ...visit, visitId: idOf.get(visit.placeId) as string });
    state = { lastEvaluatedAt: decision.state.lastEvaluatedAt, open };
  }
  return { state, opened: [...opened.values()], closed };
}

/** A stored state as the planner reads it (null columns of a fresh row = the empty state). */
export function toPlaceState(lastEvaluatedAt: Date | null, open: PersistedOpenVisit[] | null): PersistedPlaceState {
  return { lastEvaluatedAt: lastEvaluatedAt?.getTime() ?? null, open: open ?? [] };
}
