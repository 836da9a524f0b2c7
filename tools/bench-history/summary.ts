/**
 * The fleet summary at scale (issue #11), focused: `--drivers` drivers with a point every `--interval`
 * s over the last `--hours` (default 24; the bench's 15-minute drive/park loop, written server-side with
 * INSERT … SELECT generate_series into the daily partitions the built API migrates), VACUUM (ANALYZE),
 * then `--runs` GET /api/reports/summary of that day through a fresh API process: wall time, the API's
 * CPU time, Postgres's CPU time (all backends of the bench database), and the load average.
 *
 *   npm run bench:summary                                  # 500 drivers × 17,280 points
 *   npm run bench:summary -- --hours=5.5 --keep                        # leave the database for the next run
 *   npm run bench:summary -- --database=convoy_bench_summary_ab12cd34   # reuse a kept one (no load)
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createTestDatabase, startApi, withAdminClient, withClient, withDatabase, ApiClient, TEST_ADMIN } from '@convoy/testing';

const text = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const arg = (name: string, fallback: number) => Number(text(name) ?? fallback);
const DRIVERS = arg('drivers', 500);
const INTERVAL_S = arg('interval', 5);
const RUNS = arg('runs', 5);
/** Hours of points per driver, ending now (the summary's range is the last 24 h either way). */
const HOURS = arg('hours', 24);
const KEEP = process.argv.includes('--keep');
const DAY = 86_400_000;

/** CPU time (user + system, ms) of a process, from /proc (USER_HZ = 100). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0; // the process ended
  }
}

async function load(url: string, end: number): Promise<void> {
  const steps = Math.round((HOURS * 3_600_000) / (INTERVAL_S * 1000));
  const start = end - (steps - 1) * INTERVAL_S * 1000;
  await withClient(url, async (client) => {
    await client.query('SET statement_timeout = 0');
    await client.query(`INSERT INTO drivers (name) SELECT 'Bench ' || g FROM generate_series(1, $1::int) g`, [DRIVERS]);
    for (let day = Math.floor(start / DAY) * DAY; day <= end + DAY; day += DAY) {
      await client.query(`SELECT positions_create_partition($1::date)`, [new Date(day).toISOString().slice(0, 10)]);
    }
    const drivers = (await client.query<{ id: string }>(`SELECT id FROM drivers ORDER BY name`)).rows.map((r) => r.id);
    const loop = Math.round(900 / INTERVAL_S);
    const driving = Math.round(600 / INTERVAL_S);
    const started = Date.now();
    // in time order, all drivers interleaved (as live ingest writes), an hour per statement
    const chunk = Math.round(3_600 / INTERVAL_S);
    for (let k = 0; k < steps; k += chunk) {
      await client.query(
        `INSERT INTO positions (driver_id, latitude, longitude, accuracy, heading, speed, battery, recorded_at, source)
         SELECT d.id,
                round((48 + ((d.n - 1) % 50) * 0.1 + (CASE WHEN k % $3 < $4 THEN k % $3 ELSE $4 END) * $5 * 10 / 111195.0)::numeric, 6)::float8,
                round((9 + ((d.n - 1) / 50) * 0.1)::numeric, 6)::float8,
                8, CASE WHEN k % $3 < $4 THEN 0 END, CASE WHEN k % $3 < $4 THEN 10 ELSE 0 END, 80,
                to_timestamp(($6::float8 + k * $5 * 1000) / 1000), 'osmand'
           FROM generate_series($1::int, $2::int) k, unnest($7::uuid[]) WITH ORDINALITY d(id, n)
          ORDER BY k, d.n`,
        [k, Math.min(steps, k + chunk) - 1, loop, driving, INTERVAL_S, start, drivers],
      );
      process.stderr.write(`\rloaded ${(Math.min(steps, k + chunk) * drivers.length).toLocaleString('en')} rows in ${Math.round((Date.now() - started) / 1000)} s   `);
    }
    process.stderr.write('\n');
    await client.query('VACUUM (ANALYZE) positions');
  });
}

async function main(): Promise<void> {
  const server = process.env['DATABASE_URL'];
  if (!server) throw new Error('Set DATABASE_URL to a Postgres server: a dedicated database is created there');
  const reuse = text('database');
  const database = reuse
    ? { name: reuse, url: withDatabase(server, reuse), drop: () => withAdminClient(server, (c) => c.query(`DROP DATABASE IF EXISTS "${reuse}" WITH (FORCE)`)) }
    : await createTestDatabase(server, 'bench_summary');
  let api = await startApi({ databaseUrl: database.url, env: { LOG_LEVEL: 'warn' } });
  try {
    const end = reuse
      ? await withClient(database.url, async (c) => Number((await c.query(`SELECT extract(epoch FROM max(recorded_at)) * 1000 AS t FROM positions`)).rows[0].t) + 1)
      : Date.now() - 60_000;
    if (!reuse) {
      await load(database.url, end);
      await api.stop();
      api = await startApi({ databaseUrl: database.url, env: { LOG_LEVEL: 'warn' } });
    }
    const token = ((await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password)) as unknown as { token: string }).token;
    const range = `from=${new Date(end - DAY).toISOString()}&to=${new Date(end).toISOString()}`;
    const backends = async () =>
      withClient(server, async (c) => (await c.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database.name])).rows.map((r) => r.pid));
    const get = async () => {
      const response = await fetch(`${api.baseUrl}/api/reports/summary?${range}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${response.status} ${body.slice(0, 200)}`);
      return JSON.parse(body) as { trips: number; distanceM: number }[];
    };
    await get(); // warm: code paths and the OS cache of the day's index pages
    const pid = api.process.pid as number;
    for (let i = 0; i < RUNS; i++) {
      const pgPids = await backends();
      const pg0 = pgPids.reduce((s, p) => s + cpuMs(p), 0);
      const api0 = cpuMs(pid);
      const t0 = process.hrtime.bigint();
      const rows = await get();
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const pgMs = (await backends()).reduce((s, p) => s + cpuMs(p), 0) - pg0;
      console.log(
        JSON.stringify({
          run: i + 1,
          drivers: rows.length,
          trips: rows.reduce((s, r) => s + r.trips, 0),
          distanceM: rows.reduce((s, r) => s + r.distanceM, 0),
          wallMs: Math.round(wallMs),
          apiCpuMs: Math.round(cpuMs(pid) - api0),
          postgresCpuMs: Math.round(pgMs),
          load: loadavg().map((l) => l.toFixed(2)).join(' '),
        }),
      );
    }
  } finally {
    await api.stop();
    if (KEEP || reuse) console.log(`kept database ${database.name}`);
    else await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
