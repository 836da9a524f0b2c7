import type { StopDto, SummaryRowDto, TripDto } from '@convoy/contracts';
import { ApiClient, TEST_ADMIN, withClient } from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';
import { seedDriveParkLoops } from './support/seed-positions';

const DAY = 86_400_000;

/**
 * The fleet summary over several drivers (more than the summary reads at once), for a range that
 * spans two day partitions: every row equals what that driver's trips and stops reports add up to,
 * in the order of the drivers' names; a driver without points in the range gets a zero row; the
 * driverId filter gives that driver's row alone.
 */
describe('the fleet summary adds up each driver’s trips and stops reports', () => {
  let fresh: FreshApi;
  let admin: ApiClient;
  // yesterday 22:00 UTC to today 02:00 UTC: two daily partitions
  const midnight = Math.floor(Date.now() / DAY) * DAY - DAY;
  const from = new Date(midnight - 2 * 3_600_000).toISOString();
  const to = new Date(midnight + 2 * 3_600_000).toISOString();
  const range = `from=${from}&to=${to}&tz=UTC`;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    fresh = await startFreshApi('reports_summary');
    admin = await new ApiClient(fresh.api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    await withClient(fresh.database.url, async (client) => {
      for (const day of [midnight - DAY, midnight]) await client.query(`SELECT positions_create_partition($1::date)`, [new Date(day).toISOString().slice(0, 10)]);
      // names out of insertion order: the summary lists drivers by name
      for (const name of ['Emil', 'Bea', 'Dana', 'Anna (no points today)', 'Cem']) {
        ids[name] = (await client.query<{ id: string }>(`INSERT INTO drivers (name) VALUES ($1) RETURNING id`, [name])).rows[0].id;
      }
      // a point every 5 s, 21:30 → 02:30 UTC: each driver parks, drives ~10 m/s for its own while, parks — a loop of 20 + n minutes
      const driving = { Bea: 7, Cem: 11, Dana: 13, Emil: 17 };
      for (const [name, minutes] of Object.entries(driving)) {
        await seedDriveParkLoops(client, ids[name], new Date(midnight - 2.5 * 3_600_000), minutes, 5 * 720 + 1);
      }
      // Anna's only points are the day before the range
      await client.query(
        `INSERT INTO positions (driver_id, latitude, longitude, accuracy, speed, recorded_at, source)
         SELECT $1, 52.5 + g * 1e-3, 13.4, 8, 10, $2::timestamptz + g * interval '5 s', 'osmand' FROM generate_series(0, 100) g`,
        [ids['Anna (no points today)'], new Date(midnight - DAY - 6 * 3_600_000)],
      );
    });
  });
  afterAll(() => fresh?.close());

  const sums = async (driverId: string) => {
    const [trips, stops] = await Promise.all([
      admin.get<TripDto[]>(`/api/reports/trips?driverId=${driverId}&${range}`),
      admin.get<StopDto[]>(`/api/reports/stops?driverId=${driverId}&${range}`),
    ]);
    return {
      trips: trips.body.length,
      stops: stops.body.length,
      distanceM: trips.body.reduce((s, t) => s + t.distanceM, 0),
      drivingS: trips.body.reduce((s, t) => s + t.durationS, 0),
      stoppedS: stops.body.reduce((s, t) => s + t.durationS, 0),
      maxSpeedKmh: Math.max(0, ...trips.body.map((t) => t.maxSpeedKmh)),
      crossesMidnight: trips.body.some((t) => Date.parse(t.startAt) < midnight && Date.parse(t.endAt) > midnight),
    };
  };

  it('gives every driver, by name, the totals of their own trips and stops reports', async () => {
    const summary = await admin.get<SummaryRowDto[]>(`/api/reports/summary?${range}`);
    expect(summary.status).toBe(200);
    expect(summary.body.map((r) => r.driverName)).toEqual(['Anna (no points today)', 'Bea', 'Cem', 'Dana', 'Emil']);
    for (const row of summary.body.slice(1)) {
      const { crossesMidnight, ...expected } = await sums(row.driverId);
      expect({ name: row.driverName, ...row }).toMatchObject({ name: row.driverName, ...expected });
      expect(row.trips).toBeGreaterThanOrEqual(6);
      expect(row.firstPositionAt).toBe(from);
      expect(Date.parse(row.lastPositionAt as string)).toBeLessThan(Date.parse(to));
      // at midnight (9,000 s in) Bea (27-min loop, phase 900 s) and Dana (33 min, 1,080 s) are driving: one of
      // their trips runs from one day's partition into the next, and the summary still equals the trips report
      expect({ name: row.driverName, crossesMidnight }).toEqual({ name: row.driverName, crossesMidnight: ['Bea', 'Dana'].includes(row.driverName) });
    }
  });

  it('gives a driver without points in the range a row of zeros', async () => {
    const summary = await admin.get<SummaryRowDto[]>(`/api/reports/summary?${range}`);
    expect(summary.body[0]).toEqual({
      driverId: ids['Anna (no points today)'],
      driverName: 'Anna (no points today)',
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

  it('filters to one driver, with the same row as in the fleet summary', async () => {
    const [fleet, one] = await Promise.all([
      admin.get<SummaryRowDto[]>(`/api/reports/summary?${range}`),
      admin.get<SummaryRowDto[]>(`/api/reports/summary?driverId=${ids['Dana']}&${range}`),
    ]);
    expect(one.body).toEqual([fleet.body.find((r) => r.driverName === 'Dana')]);
  });
});
