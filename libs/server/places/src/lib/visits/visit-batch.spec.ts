import { PlaceIndex } from '../geometry/place-index';
import { planDriverVisits, toPlaceState, type BatchPoint, type PersistedPlaceState } from './visit-batch';

const M_LAT = 1 / 111_195;
const depot = { id: 'depot', shape: { type: 'circle' as const, center: { lat: 52.52, lon: 13.405 }, radiusM: 100 } };
const yard = {
  id: 'yard',
  shape: {
    type: 'polygon' as const,
    polygon: { type: 'Polygon' as const, coordinates: [[[13.42, 52.53], [13.423, 52.53], [13.423, 52.5318], [13.42, 52.5318], [13.42, 52.53]]] },
  },
};
const places = new PlaceIndex([depot, yard]);
const T0 = Date.parse('2026-12-01T08:00:00Z');
const north = (metres: number, s: number, accuracy: number | null = 10): BatchPoint => ({
  lat: 52.52 + metres * M_LAT,
  lon: 13.405,
  accuracy,
  recordedAt: T0 + s * 1000,
});
const EMPTY: PersistedPlaceState = { lastEvaluatedAt: null, open: [] };
const ids = () => {
  let n = 0;
  return () => `visit-${++n}`;
};
/** What the participant stores and reads back (jsonb + timestamptz). */
const roundTrip = (state: PersistedPlaceState): PersistedPlaceState =>
  toPlaceState(state.lastEvaluatedAt === null ? null : new Date(state.lastEvaluatedAt), JSON.parse(JSON.stringify(state.open)));

describe('planDriverVisits (one driver of a batch)', () => {
  it('gives the arrival a visit id that the stored state carries, so a later batch closes that same visit', () => {
    const newId = ids();
    const first = planDriverVisits(EMPTY, [north(500, 0), north(20, 10)], places, newId);
    expect(first.opened).toEqual([{ visitId: 'visit-1', placeId: 'depot', arrivedAt: T0 + 10_000, departedAt: null, position: { lat: north(20, 10).lat, lon: 13.405 } }]);
    expect(first.closed).toEqual([]);
    expect(first.state.open).toMatchObject([{ visitId: 'visit-1', placeId: 'depot' }]);

    const second = planDriverVisits(roundTrip(first.state), [north(30, 20), north(400, 600)], places, newId);
    expect(second.opened).toEqual([]);
    expect(second.closed).toEqual([{ visitId: 'visit-1', placeId: 'depot', arrivedAt: T0 + 10_000, departedAt: T0 + 600_000 }]);
    expect(second.state).toEqual({ lastEvaluatedAt: T0 + 600_000, open: [] });
  });

  it('evaluates a shuffled batch in timestamp order (an arrival and its departure in one commit)', () => {
    const plan = planDriverVisits(EMPTY, [north(400, 30), north(0, 10), north(500, 0)], places, ids());
    expect(plan.opened).toEqual([expect.objectContaining({ visitId: 'visit-1', placeId: 'depot', arrivedAt: T0 + 10_000, departedAt: T0 + 30_000 })]);
    expect(plan.closed).toEqual([]);
    expect(plan.state.open).toEqual([]);
  });

  it('border jitter over many batches keeps one visit (no new id, no departure)', () => {
    const newId = ids();
    let state = planDriverVisits(EMPTY, [north(90, 0)], places, newId).state;
    for (let s = 30; s <= 600; s += 30) {
      // 90 m ↔ 115 m from the centre of a 100 m circle: in, then 15 m out (inside the 30 m margin), for 30 s each
      const plan = planDriverVisits(roundTrip(state), [north(s % 60 ? 115 : 90, s)], places, newId);
      expect(plan.opened).toEqual([]);
      expect(plan.closed).toEqual([]);
      state = plan.state;
    }
    expect(state.open).toMatchObject([{ visitId: 'visit-1', placeId: 'depot' }]);
  });

  it('a poor-accuracy point neither starts nor ends a visit, but counts as evaluated', () => {
    const newId = ids();
    const arrived = planDriverVisits(EMPTY, [north(0, 0)], places, newId);
    const poor = planDriverVisits(roundTrip(arrived.state), [north(2000, 60, 400)], places, newId);
    expect(poor.closed).toEqual([]);
    expect(poor.state.open).toHaveLength(1);
    expect(poor.state.lastEvaluatedAt).toBe(T0 + 60_000);
    const away = planDriverVisits(EMPTY, [north(0, 0, 400)], places, newId);
    expect(away.opened).toEqual([]);
  });

  it('a late batch (older than the last evaluated point) is history only: it re-opens and closes nothing', () => {
    const newId = ids();
    const left = planDriverVisits(planDriverVisits(EMPTY, [north(0, 0)], places, newId).state, [north(500, 300)], places, newId);
    expect(left.closed).toHaveLength(1);
    const late = planDriverVisits(roundTrip(left.state), [north(0, 100), north(10, 200)], places, newId);
    expect(late).toEqual({ state: roundTrip(left.state), opened: [], closed: [] });
  });

  it('a polygon place: enter at its edge, stay in its corner, leave beyond the margin', () => {
    const corner = { lat: 52.5317, lon: 13.4229, accuracy: 5 };
    const plan = planDriverVisits(
      EMPTY,
      [
        { lat: 52.5295, lon: 13.4215, accuracy: 5, recordedAt: T0 }, // south of the yard
        { lat: 52.5301, lon: 13.4215, accuracy: 5, recordedAt: T0 + 10_000 }, // just inside
        { ...corner, recordedAt: T0 + 20_000 },
        { lat: 52.5335, lon: 13.4215, accuracy: 5, recordedAt: T0 + 30_000 }, // 190 m north of it
      ],
      places,
      ids(),
    );
    expect(plan.opened).toEqual([expect.objectContaining({ placeId: 'yard', arrivedAt: T0 + 10_000, departedAt: T0 + 30_000 })]);
  });

  it('overlapping places give one visit each', () => {
    const overlap = new PlaceIndex([depot, { id: 'gate', shape: { type: 'circle', center: { lat: 52.52 + 80 * M_LAT, lon: 13.405 }, radiusM: 40 } }]);
    const plan = planDriverVisits(EMPTY, [north(90, 0)], overlap, ids());
    expect(plan.opened.map((v) => v.placeId).sort()).toEqual(['depot', 'gate']);
    expect(new Set(plan.state.open.map((v) => v.visitId)).size).toBe(2);
  });
});
