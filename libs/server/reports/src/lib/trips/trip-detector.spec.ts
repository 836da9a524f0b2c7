import { trackOf, type ReportPosition } from './position-track';
import { detectTripsAndStops as detectInTrack } from './trip-detector';
import type { TripRules } from './trip-rules';

/** The detector on rows (the specs build tracks point by point). */
const detectTripsAndStops = (points: ReportPosition[], rules?: TripRules) => detectInTrack(trackOf(points), rules);

const T0 = Date.parse('2026-12-01T07:00:00Z');
const M_LAT = 1 / 111_195;

/** Builds a track along a meridian: one point every `step` seconds. */
class Track {
  readonly points: ReportPosition[] = [];
  private north = 0; // metres
  private t = T0;

  constructor(private readonly withSpeed = false) {}

  /** Standing still for `seconds`, the fixes drifting up to `jitterM` around the spot. */
  park(seconds: number, jitterM = 0, step = 30): this {
    for (let s = 0; s < seconds; s += step) this.fix(this.north + (s % 60 === 0 ? jitterM : -jitterM), 0, step);
    return this;
  }

  /** Driving north at `kmh` for `seconds`. */
  drive(seconds: number, kmh = 36, step = 10): this {
    for (let s = 0; s < seconds; s += step) {
      this.north += (kmh / 3.6) * step;
      this.fix(this.north, kmh / 3.6, step);
    }
    return this;
  }

  /** No data for `seconds`. */
  gap(seconds: number): this {
    this.t += seconds * 1000;
    return this;
  }

  private fix(north: number, speed: number, step = 30): void {
    this.points.push({ lat: 52 + north * M_LAT, lon: 13, accuracy: 8, speed: this.withSpeed ? speed : null, t: this.t });
    this.t += step * 1000;
  }
}

const minutes = (s: number) => s * 60;

describe('detectTripsAndStops', () => {
  it('one trip between two stops: distance, duration and speeds from the legs (no speed sent)', () => {
    const { points } = new Track().park(minutes(10)).drive(minutes(10), 36).park(minutes(10));
    const { trips, stops } = detectTripsAndStops(points);
    expect(trips).toHaveLength(1);
    expect(trips[0].distanceM).toBeCloseTo(6000, -1);
    expect(trips[0].durationS).toBe(620); // from the last parked fix, 30 s before the first moving one
    expect(trips[0].avgSpeedKmh).toBeCloseTo(6000 / 620 * 3.6, 1);
    expect(trips[0].maxSpeedKmh).toBeCloseTo(36, 0);
    expect(stops.map((s) => s.durationS)).toEqual([570, 580]);
    expect(stops[0].endAt).toBe(trips[0].startAt);
    expect(stops[1].startAt).toBe(trips[0].endAt);
  });

  it('a halt at a traffic light (under 3 min) does not split the trip; a longer one does', () => {
    const light = new Track(true).park(minutes(5)).drive(minutes(5)).park(90, 0, 10).drive(minutes(5)).park(minutes(5));
    expect(detectTripsAndStops(light.points).trips).toHaveLength(1);
    const lunch = new Track(true).park(minutes(5)).drive(minutes(5)).park(minutes(20), 0, 10).drive(minutes(5)).park(minutes(5));
    const { trips, stops } = detectTripsAndStops(lunch.points);
    expect(trips).toHaveLength(2);
    expect(stops.map((s) => Math.round(s.durationS / 60))).toEqual([5, 20, 5]);
  });

  it('a gap without data longer than an hour ends the trip', () => {
    const { points } = new Track().park(minutes(5)).drive(minutes(10)).gap(2 * 3600).drive(minutes(10)).park(minutes(5));
    const { trips } = detectTripsAndStops(points);
    expect(trips).toHaveLength(2);
    expect(trips[1].startAt - trips[0].endAt).toBeGreaterThan(2 * 3600 * 1000);
  });

  it('jitter while parked is neither a trip nor distance', () => {
    // a phone on the dashboard for 2 h, fixes wandering ±8 m every 30 s
    const { points } = new Track().park(2 * 3600, 8);
    expect(detectTripsAndStops(points)).toEqual({ trips: [], stops: [expect.objectContaining({ durationS: 2 * 3600 - 30 })] });
  });

  it('a short trip (< 500 m and < 5 min) merges into the stop around it', () => {
    // moving the truck 300 m across the yard in a minute
    const { points } = new Track().park(minutes(20)).drive(60, 18).park(minutes(20));
    const { trips, stops } = detectTripsAndStops(points);
    expect(trips).toEqual([]);
    expect(stops).toHaveLength(1);
    expect(stops[0].durationS).toBeGreaterThan(minutes(40));
  });

  it('a channel that sends speed: a stationary point reporting 0 km/h is not moving even when it drifts far', () => {
    const track = new Track(true).park(minutes(10));
    track.points.push({ ...track.points[track.points.length - 1], lat: 52 + 40 * M_LAT, speed: 0, t: track.points[track.points.length - 1].t + 30_000 });
    expect(detectTripsAndStops(track.points).trips).toEqual([]);
  });

  it('no positions: nothing', () => {
    expect(detectTripsAndStops([])).toEqual({ trips: [], stops: [] });
  });
});
