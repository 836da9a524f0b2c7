import { PlaceIndex } from '../geometry/place-index';
import { decideVisits, decideVisitsInOrder, EMPTY_PLACE_STATE, type VisitPosition } from './visit-rule';

const M_LAT = 1 / 111_195; // degrees of latitude per metre
const depot = { id: 'depot', shape: { type: 'circle' as const, center: { lat: 52.52, lon: 13.405 }, radiusM: 100 } };
// a 200 m × 200 m square north-east of the depot, as GeoJSON [lon, lat]
const yard = {
  id: 'yard',
  shape: {
    type: 'polygon' as const,
    polygon: {
      type: 'Polygon' as const,
      coordinates: [[[13.42, 52.53], [13.423, 52.53], [13.423, 52.5318], [13.42, 52.5318], [13.42, 52.53]]],
    },
  },
};
const places = new PlaceIndex([depot, yard]);
const T0 = Date.parse('2026-12-01T08:00:00Z');

/** A point `metresNorth` of the depot centre, `s` seconds after T0. */
const north = (metresNorth: number, s: number, accuracy: number | null = 10): VisitPosition => ({
  lat: 52.52 + metresNorth * M_LAT,
  lon: 13.405,
  accuracy,
  recordedAt: T0 + s * 1000,
});

describe('decideVisits', () => {
  it('starts a visit with the first point inside, and ends it beyond the shape plus the margin', () => {
    const { state, transitions } = decideVisitsInOrder(EMPTY_PLACE_STATE, [north(500, 0), north(50, 10), north(90, 20), north(200, 30)], places);
    expect(transitions).toEqual([
      { type: 'arrived', placeId: 'depot', at: T0 + 10_000 },
      { type: 'departed', placeId: 'depot', at: T0 + 30_000, arrivedAt: T0 + 10_000 },
    ]);
    expect(state.open).toEqual([]);
  });

  it('a driver parked at the border does not flap: points just outside (within 30 m) keep the visit', () => {
    const jitter = [95, 105, 98, 112, 101, 120, 99, 108].map((m, i) => north(m, 10 + i * 5));
    const { transitions, state } = decideVisitsInOrder(EMPTY_PLACE_STATE, [north(0, 0), ...jitter], places);
    expect(transitions).toEqual([{ type: 'arrived', placeId: 'depot', at: T0 }]);
    expect(state.open.map((v) => v.placeId)).toEqual(['depot']);
  });

  it('staying just outside the shape for the dwell time ends the visit, dated when they left it', () => {
    const outside = [110, 115, 112, 118, 116, 119, 117, 114].map((m, i) => north(m, 100 + i * 10)); // 70 s in the band
    const { transitions } = decideVisitsInOrder(EMPTY_PLACE_STATE, [north(0, 0), ...outside], places);
    expect(transitions).toEqual([
      { type: 'arrived', placeId: 'depot', at: T0 },
      { type: 'departed', placeId: 'depot', at: T0 + 100_000, arrivedAt: T0 },
    ]);
  });

  it('the leave margin grows with a poor (but usable) accuracy', () => {
    const inside = decideVisits(EMPTY_PLACE_STATE, north(0, 0), places).state;
    // 60 m outside the circle with ±80 m: could still be inside → not a departure
    expect(decideVisits(inside, north(160, 10, 80), places).transitions).toEqual([]);
    // the same spot with ±10 m is clearly outside
    expect(decideVisits(inside, north(160, 10, 10), places).transitions.map((t) => t.type)).toEqual(['departed']);
  });

  it('points less accurate than 150 m neither start nor end a visit', () => {
    expect(decideVisits(EMPTY_PLACE_STATE, north(0, 0, 400), places)).toMatchObject({ transitions: [], ignored: 'poor-accuracy' });
    const inside = decideVisits(EMPTY_PLACE_STATE, north(0, 0), places).state;
    expect(decideVisits(inside, north(3000, 10, 1500), places)).toMatchObject({ transitions: [], ignored: 'poor-accuracy' });
    expect(decideVisits(inside, north(3000, 10, 1500), places).state.open).toHaveLength(1);
  });

  it('a point older than the last evaluated one changes nothing (a buffered GPS app sending late)', () => {
    const away = decideVisitsInOrder(EMPTY_PLACE_STATE, [north(0, 0), north(2000, 60)], places);
    expect(away.transitions.map((t) => t.type)).toEqual(['arrived', 'departed']);
    const late = decideVisits(away.state, north(0, 30), places); // inside, but 30 s older than the last point
    expect(late).toMatchObject({ transitions: [], ignored: 'out-of-order' });
    expect(late.state).toBe(away.state);
  });

  it('an out-of-order batch re-opens nothing and closes nothing', () => {
    const batch = [north(0, 0), north(2000, 120), north(10, 60), north(20, 90), north(2100, 130)];
    expect(decideVisitsInOrder(EMPTY_PLACE_STATE, batch, places).transitions).toEqual([
      { type: 'arrived', placeId: 'depot', at: T0 },
      { type: 'departed', placeId: 'depot', at: T0 + 120_000, arrivedAt: T0 },
    ]);
  });

  it('enters and leaves a polygon place (its corners, not a circle around it)', () => {
    const p = (lon: number, lat: number, s: number): VisitPosition => ({ lat, lon, accuracy: 5, recordedAt: T0 + s * 1000 });
    const { transitions } = decideVisitsInOrder(
      EMPTY_PLACE_STATE,
      [
        p(13.419, 52.5309, 0), // ~68 m west of the west edge
        p(13.4215, 52.5309, 10), // inside
        p(13.4228, 52.5317, 20), // inside, near the north-east corner
        p(13.4234, 52.5309, 30), // ~27 m east of the edge: within the margin, visit kept
        p(13.426, 52.5309, 40), // ~200 m east: departed
      ],
      places,
    );
    expect(transitions).toEqual([
      { type: 'arrived', placeId: 'yard', at: T0 + 10_000 },
      { type: 'departed', placeId: 'yard', at: T0 + 30_000, arrivedAt: T0 + 10_000 },
    ]);
  });

  it('a deleted place ends its open visit', () => {
    const index = new PlaceIndex([depot]);
    const inside = decideVisits(EMPTY_PLACE_STATE, north(0, 0), index).state;
    index.remove('depot');
    expect(decideVisits(inside, north(0, 10), index).transitions).toEqual([
      { type: 'departed', placeId: 'depot', at: T0 + 10_000, arrivedAt: T0 },
    ]);
  });
});
