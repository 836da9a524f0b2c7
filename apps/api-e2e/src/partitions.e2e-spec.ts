import type { CreatedLinkResponse, JoinResponse } from '@convoy/contracts';
import { CONVOY_MIGRATIONS } from '@convoy/server/schema';
import { ApiClient, createTestDatabase, startApi, testPostgresServerUrl, TEST_ADMIN, withClient, type ApiProcess, type TestDatabase } from '@convoy/testing';
import { DataSource } from 'typeorm';

const DAY = 86_400_000;
/** The first migration of the partitioned schema: the database starts one step before it. */
const PARTITIONING = 1795820000000;
const COLUMNS = 'id, driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, received_at, source, telegram_update_id, battery, altitude';

const utcDay = (at: number) => Math.floor(at / DAY) * DAY;
const partitionOf = (at: number) => `positions_${new Date(utcDay(at)).toISOString().slice(0, 10).replace(/-/g, '')}`;

async function waitForOutput(api: ApiProcess, text: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = api.output().split('\n').find((l) => l.includes(text));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`"${text}" never appeared in the API output:\n${api.output()}`);
}

/** Issue #11: positions partitioned by day — the conversion of an existing table, upkeep, retention, dedupe. */
describe('positions partitioned by day', () => {
  let database: TestDatabase;
  let api: ApiProcess | null = null;
  const now = Date.now();
  const cutoff30 = now - 30 * DAY; // the second start's RETENTION_DAYS
  const boundary = utcDay(cutoff30);

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    withClient(database.url, async (client) => (await client.query(text, params)).rows as T[]);
  const partitions = async () =>
    (await sql<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'positions'::regclass ORDER BY 1`)).map(
      (r) => r.name,
    );
  const checksum = () =>
    sql<{ n: string; sum: string }>(`SELECT count(*) AS n, md5(string_agg(concat_ws('|', ${COLUMNS}), ',' ORDER BY id)) AS sum FROM positions`);
  const rowsIn = async (table: string) => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase(testPostgresServerUrl(), 'partitions');
  });
  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  let drivers: string[] = [];
  let before: { n: string; sum: string };
  /** Where the old rows lie, by what retention (30 days) will make of them. */
  const seeded = {
    longExpired: now - 45 * DAY,
    expired: boundary - DAY / 2,
    boundaryExpired: (boundary + cutoff30) / 2,
    boundaryKept: (cutoff30 + boundary + DAY) / 2,
    recent: now - 29 * DAY,
    lastWeek: now - 2 * DAY,
    today: now - 10 * 60_000,
    tomorrow: now + DAY,
  };
  const PER_SLOT = 150;

  it('converts an installation’s unpartitioned table without losing or changing a row', async () => {
    const previous = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: CONVOY_MIGRATIONS.filter((m) => Number(/\d{13}$/.exec(m.name)?.[0]) < PARTITIONING),
      migrationsTableName: 'migrations',
    });
    await previous.initialize();
    try {
      await previous.runMigrations({ transaction: 'each' });
    } finally {
      await previous.destroy();
    }
    expect((await sql<{ relkind: string }>(`SELECT relkind FROM pg_class WHERE relname = 'positions'`))[0].relkind).toBe('r');

    drivers = (await sql<{ id: string }>(`INSERT INTO drivers (name) SELECT 'Driver ' || g FROM generate_series(1, 3) g RETURNING id`)).map((r) => r.id);
    let update = 1_000_000;
    for (const at of Object.values(seeded)) {
      for (const [d, driverId] of drivers.entries()) {
        // driver 0 by Telegram (update ids), the others by a device (nulls where a device sends nothing)
        await sql(
          `INSERT INTO positions (driver_id, latitude, longitude, accuracy, heading, speed, battery, altitude, recorded_at, source, telegram_update_id)
           SELECT $1, 52 + g * 1e-5, 13 + g * 1e-5, CASE WHEN g % 3 = 0 THEN NULL ELSE 4.5 END, (g % 360)::smallint, g % 30 * 0.7,
                  CASE WHEN $4 THEN NULL ELSE 80 END, NULL, to_timestamp($2 / 1000.0) + make_interval(secs => g),
                  CASE WHEN $4 THEN 'telegram-live' ELSE 'osmand' END, CASE WHEN $4 THEN $3::bigint + g ELSE NULL END
             FROM generate_series(1, ${PER_SLOT}) g`,
          [driverId, at, update, d === 0],
        );
      }
      update += PER_SLOT;
    }
    before = (await checksum())[0];
    expect(Number(before.n)).toBe(Object.keys(seeded).length * drivers.length * PER_SLOT);

    api = await startApi({ databaseUrl: database.url, env: { RETENTION_DAYS: '90', LOG_LEVEL: 'log' } });
    expect((await checksum())[0]).toEqual(before);
    expect((await sql<{ relkind: string }>(`SELECT relkind FROM pg_class WHERE relname = 'positions'`))[0].relkind).toBe('p');
    expect(await sql(`SELECT relname FROM pg_class WHERE relname LIKE 'positions_unpartitioned%'`)).toEqual([]);
    const names = await partitions();
    for (const at of Object.values(seeded)) expect(names).toContain(partitionOf(at)); // each old day in a partition of its own
    for (const at of Object.values(seeded)) expect(await rowsIn(partitionOf(at))).toBeGreaterThanOrEqual(drivers.length * PER_SLOT);
    expect(await rowsIn('positions_default')).toBe(0);
    // new rows continue the old ids
    const [{ max }] = await sql<{ max: string }>(`SELECT max(id) AS max FROM positions`);
    const [{ next }] = await sql<{ next: string }>(`SELECT nextval('positions_id_seq') AS next`);
    expect(BigInt(next)).toBeGreaterThan(BigInt(max));
  });

  it('keeps today’s and the next 7 days’ partitions ready', async () => {
    const names = await partitions();
    for (let i = 0; i <= 7; i++) expect(names).toContain(partitionOf(now + i * DAY));
    expect(names).toContain('positions_default');
  });

  let bearer: Record<string, string>;
  const late = new Date(now - 20 * DAY).toISOString();
  const sendLate = async () =>
    (await new ApiClient((api as ApiProcess).baseUrl).post('/api/track', { lat: 48.1, lon: 11.6, recordedAt: late }, bearer)).status;

  it('stores a late point whose day has no partition (the default partition), once', async () => {
    const anonymous = new ApiClient((api as ApiProcess).baseUrl);
    const admin = await anonymous.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const link = (await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Late Lena' })).body;
    const joined = (await anonymous.post<JoinResponse>(`/api/join/${link.token}`, { channel: 'app' })).body;
    bearer = { authorization: `Bearer ${joined.deviceKey}` };
    expect(await partitions()).not.toContain(partitionOf(Date.parse(late)));

    expect(await sendLate()).toBe(200);
    expect(await sendLate()).toBe(200); // the app resends its buffer
    expect(await sql(`SELECT latitude FROM positions_default`)).toEqual([{ latitude: 48.1 }]);
  });

  it('moves late points into their own day, drops expired days whole and trims the boundary day', async () => {
    await (api as ApiProcess).stop();
    api = await startApi({ databaseUrl: database.url, env: { RETENTION_DAYS: '30', LOG_LEVEL: 'log' } });

    // the late point's day got its partition at start, with the point in it
    await waitForOutput(api, `Created position partitions ${partitionOf(Date.parse(late))}`);
    expect(await rowsIn(partitionOf(Date.parse(late)))).toBe(1);
    expect(await rowsIn('positions_default')).toBe(0);
    expect(await sendLate()).toBe(200); // resent after the move: still stored once
    expect(await rowsIn(partitionOf(Date.parse(late)))).toBe(1);

    const dropped = await waitForOutput(api, 'Dropped position partitions');
    expect(dropped).toContain(partitionOf(seeded.longExpired));
    expect(dropped).toContain(partitionOf(seeded.expired));
    await waitForOutput(api, `Purged ${drivers.length * PER_SLOT} positions`); // the boundary day's expired part, by DELETE
    const names = await partitions();
    expect(names).not.toContain(partitionOf(seeded.longExpired));
    expect(names).not.toContain(partitionOf(seeded.expired));
    for (const at of [seeded.boundaryKept, seeded.recent, seeded.lastWeek, seeded.today, seeded.tomorrow]) expect(names).toContain(partitionOf(at));

    // only what expired is gone: every kept row is exactly as it was
    const kept = await sql<{ n: string; sum: string }>(
      `SELECT count(*) AS n, md5(string_agg(concat_ws('|', ${COLUMNS}), ',' ORDER BY id)) AS sum FROM positions WHERE driver_id = ANY($1::uuid[])`,
      [drivers],
    );
    expect(Number(kept[0].n)).toBe(5 * drivers.length * PER_SLOT);
    expect(await rowsIn(partitionOf(seeded.boundaryKept))).toBe(drivers.length * PER_SLOT);
    const [{ oldest }] = await sql<{ oldest: Date }>(`SELECT min(recorded_at) AS oldest FROM positions`);
    expect(oldest.getTime()).toBeGreaterThanOrEqual(cutoff30);
  });

  it('stores a redelivered Telegram update once, in whichever partition its time falls', async () => {
    const insert = (at: number) =>
      sql(
        `INSERT INTO positions (driver_id, latitude, longitude, recorded_at, source, telegram_update_id)
         VALUES ($1, 52, 13, to_timestamp($2 / 1000.0), 'telegram-live', 42) ON CONFLICT DO NOTHING RETURNING tableoid::regclass::text AS part`,
        [drivers[0], at],
      );
    expect(await insert(now - 60_000)).toEqual([{ part: partitionOf(now - 60_000) }]);
    expect(await insert(now - 60_000)).toEqual([]);
  });
});
