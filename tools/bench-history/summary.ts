/**
 * The fleet summary at scale (issue #11), focused: `--drivers` drivers with a point every `--interval`
 * s over one whole UTC day, yesterday (the bench's 15-minute drive/park loop, written server-side with
 * INSERT … SELECT generate_series into the daily partitions the built API migrates), VACUUM (ANALYZE),
 * then through a fresh API process:
 * - how long the API's summary preparation takes to keep that closed day (from the start of the API);
 * - `--runs` GET /api/reports/summary of the day as instants (`from=…T00:00Z&to=…`: computed from the
 *   points at every request) and as a calendar day (`from=YYYY-MM-DD&to=YYYY-MM-DD`: answered from the
 *   prepared rows); both must give the same rows.
 * Each run: wall time, the API's CPU time, Postgres's CPU time (all backends of the bench database), the
 * load average; the API's RSS after each phase. `--malloc=production|none|NAME=VALUE,…` picks the
 * glibc malloc settings the API starts with (default: production's). Results go to bench/results/summary-*.json.
 *
 *   npm run bench:summary                                  # 500 drivers × 17,280 points
 *   npm run bench:summary -- --hours=5.5 --keep                        # leave the database for the next run
 *   npm run bench:summary -- --database=convoy_bench_summary_ab12cd34   # reuse a kept one (no load)
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { cpuMs, mallocEnvFromArgs, rssMiB } from './api-process-env';
import { percentile } from './percentile';
import { createTestDatabase, startApi, withAdminClient, withClient, withDatabase, ApiClient, TEST_ADMIN } from '@convoy/testing';

const text = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const arg = (name: string, fallback: number) => Number(text(name) ?? fallback);
const DRIVERS = arg('drivers', 500);
const INTERVAL_S = arg('interval', 5);
const RUNS = arg('runs', 5);
/** Hours of points per driver, from yesterday 00:00 UTC (the summary's range is that whole day either way). */
const HOURS = arg('hours', 24);
const KEEP = process.argv.includes('--keep');
const MALLOC_ENV = mallocEnvFromArgs();
/** Idle time before the last RSS reading. */
const SETTLE_MS = arg('settle-s', 30) * 1000;
const DAY = 86_400_000;

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

interface Run {
  wallMs: number;
  apiCpuMs: number;
  postgresCpuMs: number;
}

const stats = (runs: Run[]) => ({
  runs: runs.length,
  p50Ms: percentile(runs.map((r) => r.wallMs), 50),
  p99Ms: percentile(runs.map((r) => r.wallMs), 99),
  apiCpuP50Ms: percentile(runs.map((r) => r.apiCpuMs), 50),
  postgresCpuP50Ms: percentile(runs.map((r) => r.postgresCpuMs), 50),
});

async function main(): Promise<void> {
  const server = process.env['DATABASE_URL'];
  if (!server) throw new Error('Set DATABASE_URL to a Postgres server: a dedicated database is created there');
  const reuse = text('database');
  const database = reuse
    ? { name: reuse, url: withDatabase(server, reuse), drop: () => withAdminClient(server, (c) => c.query(`DROP DATABASE IF EXISTS "${reuse}" WITH (FORCE)`)) }
    : await createTestDatabase(server, 'bench_summary');
  const env = { LOG_LEVEL: 'warn', TIME_ZONE: 'UTC', REPORT_PREPARE_DAYS: '2', ...MALLOC_ENV };
  let api = await startApi({ databaseUrl: database.url, env: { ...env, REPORT_PREPARE_DAYS: '0' } });
  try {
    const dayStart = reuse
      ? await withClient(database.url, async (c) => Math.floor(Number((await c.query(`SELECT extract(epoch FROM min(recorded_at)) * 1000 AS t FROM positions`)).rows[0].t) / DAY) * DAY)
      : Math.floor(Date.now() / DAY) * DAY - DAY;
    if (!reuse) await load(database.url, dayStart + HOURS * 3_600_000 - INTERVAL_S * 1000);
    await api.stop();
    await withClient(database.url, (c) => c.query(`DELETE FROM prepared_summaries`));
    const apiStarted = Date.now();
    api = await startApi({ databaseUrl: database.url, env });
    const day = new Date(dayStart).toISOString().slice(0, 10);
    // the API prepares the closed day at start: wait for all its rows
    let prepareSeconds: number | null = null;
    while (Date.now() - apiStarted < 600_000) {
      const kept = await withClient(database.url, async (c) => Number((await c.query(`SELECT count(*) AS n FROM prepared_summaries WHERE range_from = $1`, [new Date(dayStart)])).rows[0].n));
      if (kept >= DRIVERS) {
        prepareSeconds = (Date.now() - apiStarted) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    console.log(`the API prepared the summary of ${day} in ${prepareSeconds ?? '> 600'} s after its start`);
    const token = ((await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password)) as unknown as { token: string }).token;
    const ranges = {
      computed: `from=${new Date(dayStart).toISOString()}&to=${new Date(dayStart + DAY).toISOString()}`,
      prepared: `from=${day}&to=${day}&tz=UTC`,
    };
    const backends = async () =>
      withClient(server, async (c) => (await c.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database.name])).rows.map((r) => r.pid));
    const get = async (range: string) => {
      const response = await fetch(`${api.baseUrl}/api/reports/summary?${range}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${response.status} ${body.slice(0, 200)}`);
      return body;
    };
    const pid = api.process.pid as number;
    const rssAfter: Record<string, number> = { prepared: Math.round(rssMiB(pid)) };
    const results: Record<string, Run[]> = { computed: [], prepared: [] };
    const answers: Record<string, string> = {};
    for (const kind of ['computed', 'prepared'] as const) {
      answers[kind] = await get(ranges[kind]); // warm: code paths and the OS cache of the day's index pages
      for (let i = 0; i < RUNS; i++) {
        const pgPids = await backends();
        const pg0 = pgPids.reduce((s, p) => s + cpuMs(p), 0);
        const api0 = cpuMs(pid);
        const t0 = process.hrtime.bigint();
        const rows = JSON.parse(await get(ranges[kind])) as { trips: number; distanceM: number }[];
        const run = {
          wallMs: Math.round(Number(process.hrtime.bigint() - t0) / 1e6),
          apiCpuMs: Math.round(cpuMs(pid) - api0),
          postgresCpuMs: Math.round((await backends()).reduce((s, p) => s + cpuMs(p), 0) - pg0),
        };
        results[kind].push(run);
        console.log(
          JSON.stringify({
            kind,
            run: i + 1,
            drivers: rows.length,
            trips: rows.reduce((s, r) => s + r.trips, 0),
            distanceM: rows.reduce((s, r) => s + r.distanceM, 0),
            ...run,
            load: loadavg().map((l) => l.toFixed(2)).join(' '),
          }),
        );
      }
      rssAfter[kind] = Math.round(rssMiB(pid));
    }
    // at rest: V8's memory reducer and glibc's trim hand the answers' memory back within seconds
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    rssAfter['settled'] = Math.round(rssMiB(pid));
    const same = answers['computed'] === answers['prepared'];
    if (!same) console.error('the prepared rows differ from the computed ones');
    const at = new Date().toISOString();
    const result = {
      bench: 'summary',
      at,
      commit: execSync('git rev-parse --short HEAD').toString().trim(),
      node: process.version,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      day,
      drivers: DRIVERS,
      pointsPerDriver: Math.round((HOURS * 3600) / INTERVAL_S),
      prepareSecondsAfterApiStart: prepareSeconds,
      computed: { range: ranges.computed, ...stats(results['computed']) },
      prepared: { range: ranges.prepared, ...stats(results['prepared']) },
      preparedEqualsComputed: same,
      apiRss: { mallocEnv: MALLOC_ENV, afterEachPhaseMiB: rssAfter },
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(`bench/results/summary-${at.replace(/:/g, '-')}.json`, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    if (!same) process.exitCode = 1;
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
