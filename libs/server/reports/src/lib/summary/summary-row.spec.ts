import { trackOf, type ReportPosition } from '../trips/position-track';
import { detectTripsAndStops } from '../trips/trip-detector';
import { DEFAULT_TRIP_RULES } from '../trips/trip-rules';
import { summaryRow } from './summary-row';

const M_LAT = 1 / 111_195;
const T0 = Date.parse('2026-11-15T07:00:00Z');
const driver = { id: '00000000-0000-4000-8000-00000000000a', name: 'Aziz' };

/** Parked 10 min, 10 min north at ~11.3 m/s, parked 10 min, 7 min back south: a point every 5 s. */
function morning(): ReportPosition[] {
  const points: ReportPosition[] = [];
  let lat = 52.52;
  let t = T0;
  const leg = (seconds: number, metresPerStep: number, speed: number) => {
    for (let s = 0; s < seconds; s += 5, t += 5000) {
      lat += metresPerStep * M_LAT;
      points.push({ lat, lon: 13.405, accuracy: 8, speed, t });
    }
  };
  leg(600, 0, 0);
  leg(600, 56.7, 11.34);
  leg(600, 0, 0);
  leg(420, -81.3, 16.26);
  leg(300, 0, 0);
  return points;
}

describe('summaryRow', () => {
  it('adds up the trips and stops as the reports round them, per trip and per stop', () => {
    const points = morning();
    const { trips, stops } = detectTripsAndStops(trackOf(points), DEFAULT_TRIP_RULES);
    expect(trips).toHaveLength(2);
    const row = summaryRow(driver, trackOf(points), DEFAULT_TRIP_RULES);
    expect(row).toEqual({
      driverId: driver.id,
      driverName: 'Aziz',
      distanceM: trips.reduce((s, trip) => s + Math.round(trip.distanceM), 0),
      drivingS: trips.reduce((s, trip) => s + Math.round(trip.durationS), 0),
      stoppedS: stops.reduce((s, stop) => s + Math.round(stop.durationS), 0),
      trips: 2,
      stops: stops.length,
      maxSpeedKmh: Math.round(Math.max(...trips.map((trip) => trip.maxSpeedKmh)) * 10) / 10,
      firstPositionAt: '2026-11-15T07:00:00.000Z',
      lastPositionAt: new Date(points[points.length - 1].t).toISOString(),
    });
    expect(row.distanceM).toBeGreaterThan(6700);
    expect(row.maxSpeedKmh).toBeCloseTo(58.5, 1);
  });

  it('gives a driver without points in the range zeros and no first or last position', () => {
    expect(summaryRow(driver, trackOf([]), DEFAULT_TRIP_RULES)).toEqual({
      driverId: driver.id,
      driverName: 'Aziz',
      distanceM: 0,
      drivingS: 0,
      stoppedS: 0,
      trips: 0,
      stops: 0,
      maxSpeedKmh: 0,
      firstPositionAt: null,
      lastPositionAt: null,
    });
  });
});
