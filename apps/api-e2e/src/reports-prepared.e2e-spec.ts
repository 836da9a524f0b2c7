import type { CreatedLinkResponse, JoinResponse, SummaryRowDto } from '@convoy/contracts';
import { seedDriveParkLoops } from './support/seed-positions';
import { ApiClient, createTestDatabase, startApi, TEST_ADMIN, testPostgresServerUrl, withClient, type ApiProcess, type TestDatabase } from '@convoy/testing';

const DAY = 86_400_000;

/**
 * Fleet summaries of closed days are kept prepared (issue #11: a day of 500 drivers answers in < 2 s):
 * the job prepares yesterday after it closed; the kept rows answer until a late point (a GPS app's
 * offline batch) lands in the day, which makes that driver's row computed again; erasure forgets a
 * driver's rows; a day still being written is never kept.
 */
describe('prepared fleet summaries', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let admin: ApiClient;
  const today = Math.floor(Date.now() / DAY) * DAY;
  const yesterday = today - DAY;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  // the same instants as whole days (kept) and as ISO bounds (always computed from the points)
  const asDays = `from=${day(yesterday)}&to=${day(yesterday)}&tz=UTC`;
  const asInstants = `from=${new Date(yesterday).toISOString()}&to=${new Date(today).toISOString()}&tz=UTC`;
  const ids: Record<string, string> = {};
  let deviceKey = '';

  const kept = (driverId?: string) =>
    withClient(database.url, async (client) =>
      (
        await client.query<{ driver_id: string; computed_at: Date }>(
          `SELECT driver_id, computed_at FROM prepared_summaries WHERE range_from = $1 AND ($2::uuid IS NULL OR driver_id = $2) ORDER BY driver_id`,
          [new Date(yesterday), driverId ?? null],
        )
      ).rows,
    );
  const summary = async (query: string) => {
    const response = await admin.get<SummaryRowDto[]>(`/api/reports/summary?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const row = async (query: string, name: string) => (await summary(query)).find((r) => r.driverName === name) as SummaryRowDto;

  beforeAll(async () => {
    database = await createTestDatabase(testPostgresServerUrl(), 'reports_prepared');
    // a first start migrates (nothing prepared: off), then the fleet's yesterday is stored behind its back
    const first = await startApi({ databaseUrl: database.url, env: { REPORT_PREPARE_DAYS: '0' } });
    const firstAdmin = await new ApiClient(first.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    const link = (await firstAdmin.post<CreatedLinkResponse>('/api/links', { driverName: 'Eva (GPS app)' })).body;
    const joined = await new ApiClient(first.baseUrl).post<JoinResponse>(`/api/join/${link.token}`, { channel: 'app' });
    deviceKey = joined.body.deviceKey;
    ids['Eva (GPS app)'] = link.driverId;
    await first.stop();
    await withClient(database.url, async (client) => {
      for (const d of [yesterday - DAY, yesterday]) await client.query(`SELECT positions_create_partition($1::date)`, [day(d)]);
      for (const name of ['Bea', 'Cem']) ids[name] = (await client.query<{ id: string }>(`INSERT INTO drivers (name) VALUES ($1) RETURNING id`, [name])).rows[0].id;
      // a point every 5 s from 08:00 to 12:00 UTC: park 10 min, drive ~10 m/s for n minutes, park, …
      for (const [name, minutes] of Object.entries({ Bea: 7, Cem: 11, 'Eva (GPS app)': 13 })) {
        await seedDriveParkLoops(client, ids[name], new Date(yesterday + 8 * 3_600_000), minutes, 4 * 720 + 1);
      }
    });
    api = await startApi({ databaseUrl: database.url, env: { REPORT_PREPARE_DAYS: '2', TIME_ZONE: 'UTC' } });
    admin = await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it('prepares yesterday once it has closed, with the numbers computed from the points', async () => {
    const deadline = Date.now() + 30_000;
    while ((await kept()).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect((await kept()).length).toBe(3);
    const [prepared, computed] = await Promise.all([summary(asDays), summary(asInstants)]);
    expect(JSON.stringify(prepared)).toBe(JSON.stringify(computed)); // the same document, key order included
    expect(prepared.map((r) => r.driverName)).toEqual(['Bea', 'Cem', 'Eva (GPS app)']);
    for (const r of prepared) expect(r.trips).toBeGreaterThanOrEqual(6);
  });

  it('answers from the kept rows: a point stored behind the API’s back shows only in the computed summary', async () => {
    const before = await kept(ids['Bea']);
    await withClient(database.url, (client) =>
      client.query(`INSERT INTO positions (driver_id, latitude, longitude, accuracy, speed, recorded_at, source) VALUES ($1, 53, 13.4, 8, 0, $2, 'osmand')`, [
        ids['Bea'],
        new Date(yesterday + 20 * 3_600_000),
      ]),
    );
    expect((await row(asDays, 'Bea')).lastPositionAt).toBe(new Date(yesterday + 12 * 3_600_000).toISOString());
    expect((await row(asInstants, 'Bea')).lastPositionAt).toBe(new Date(yesterday + 20 * 3_600_000).toISOString());
    expect(await kept(ids['Bea'])).toEqual(before);
  });

  it('a GPS app’s late batch into yesterday makes that driver’s row computed again, and only theirs', async () => {
    const [beforeCem] = await kept(ids['Cem']);
    const lateAt = yesterday + 23 * 3_600_000 + 30 * 60_000; // 23:30 yesterday, sent now: a late point
    const sent = await fetch(`${api.baseUrl}/ingest/osmand?id=${encodeURIComponent(deviceKey)}&timestamp=${Math.floor(lateAt / 1000)}&lat=52.9&lon=13.6&speed=0`);
    expect(sent.status).toBe(200);
    const eva = await row(asDays, 'Eva (GPS app)');
    expect(eva.lastPositionAt).toBe(new Date(lateAt).toISOString());
    expect(eva).toEqual(await row(asInstants, 'Eva (GPS app)'));
    await withClient(database.url, async (client) => {
      const late = await client.query<{ hour: Date }>(`SELECT hour FROM position_late_writes WHERE driver_id = $1`, [ids['Eva (GPS app)']]);
      expect(late.rows.map((r) => r.hour.toISOString())).toEqual([new Date(yesterday + 23 * 3_600_000).toISOString()]);
    });
    expect(await kept(ids['Cem'])).toEqual([beforeCem]); // the others' rows stand
  });

  it('notes nothing late for a live point', async () => {
    const sent = await fetch(`${api.baseUrl}/ingest/osmand?id=${encodeURIComponent(deviceKey)}&timestamp=${Math.floor(Date.now() / 1000)}&lat=52.91&lon=13.6`);
    expect(sent.status).toBe(200);
    await withClient(database.url, async (client) => {
      const late = await client.query(`SELECT 1 FROM position_late_writes WHERE driver_id = $1`, [ids['Eva (GPS app)']]);
      expect(late.rowCount).toBe(1); // still only yesterday's 23:00
    });
  });

  it('never keeps a range still being written (today)', async () => {
    expect((await summary('tz=UTC')).length).toBe(3);
    await withClient(database.url, async (client) => {
      expect((await client.query(`SELECT 1 FROM prepared_summaries WHERE range_to > now()`)).rowCount).toBe(0);
    });
  });

  it('forgets an erased driver’s rows, and their summary row is empty', async () => {
    expect((await admin.post(`/api/drivers/${ids['Cem']}/erase`, { confirmName: 'Cem' })).status).toBe(200);
    expect(await kept(ids['Cem'])).toEqual([]);
    const erased = (await summary(asDays)).find((r) => r.driverId === ids['Cem']);
    expect(erased).toMatchObject({ trips: 0, stops: 0, distanceM: 0, firstPositionAt: null });
    expect(await kept(ids['Cem'])).toEqual([]); // and it is not kept again
  });
});
