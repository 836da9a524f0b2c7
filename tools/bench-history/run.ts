/**
 * History at scale (issue #11): generates `--rows` positions of `--drivers` drivers (one point every
 * `--interval` s, ending now) with COPY into a dedicated database on DATABASE_URL's server, through the
 * schema the built API migrates (daily partitions), then measures through the API:
 * - p50/p99 of one driver's day of history (JSON, thinned for the map), the trips and stops reports
 *   for one driver's day, and the fleet summary of a day (all drivers);
 * - a month's CSV export of one driver (rows/s, the API's peak RSS);
 * - size on disk, the time to drop one day's partition, the API's RSS on the empty database vs after.
 * The load (tools/bench-history/load-positions.ts) and its levers: docs/architecture.md "Bench loader".
 * Writes bench/results/history-<timestamp>.json.
 *
 *   npm run bench:history                                   # 10 M rows, 500 drivers
 *   npm run bench:history -- --rows=100000000 --drivers=500
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { ApiClient, createTestDatabase, startApi, TEST_ADMIN, withClient } from '@convoy/testing';
import { diskEstimateBytes, gib, serverFreeBytes } from './free-disk';
import { checkSchema, dayUnits, type IndexMode, type LoadSeries, loadPositions } from './load-positions';
import { formatSeconds, progress } from './progress';
import { cpuMs, mallocEnvFromArgs, rssMiB } from './api-process-env';
import { percentile } from './percentile';
import { HISTORY_PACKED_SQL, HISTORY_POINT_CAP } from '../../libs/server/tracking/src/lib/history/position-history.query';

/**
 * The glibc malloc settings every production start gives the API (Dockerfile, systemd unit, k8s
 * ConfigMap; documented in .env.example): the bench runs the API as it is deployed.
 */
const MALLOC_ENV = mallocEnvFromArgs();
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROWS = arg('rows', 10_000_000);
const DRIVERS = arg('drivers', 500);
const INTERVAL_S = arg('interval', 5);
const RUNS = arg('runs', 30);
const SUMMARY_RUNS = arg('summary-runs', 3);
/** Idle seconds before the at-rest RSS readings (V8's memory reducer, glibc's trim). */
const SETTLE_S = arg('settle-s', 30);
/** COPY connections, one UTC day each at a time. */
const LOAD_WORKERS = arg('load-workers', 2);
const INDEXES = (process.argv.find((a) => a.startsWith('--indexes='))?.split('=')[1] ?? 'after') as IndexMode;
if (INDEXES !== 'after' && INDEXES !== 'during') throw new Error(`--indexes=${INDEXES}: use after (built once a day is loaded) or during (maintained row by row)`);
/** The export driver: a month of points at the same interval, besides the fleet. */
const MONTH_DAYS = 30;
const DAY = 86_400_000;

const stats = (ms: number[]) => ({ runs: ms.length, p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99), maxMs: Math.round(Math.max(...ms)) });

/** The API's CPU time so far (user + system, ms): on a shared box wall times are mostly waiting for a core. */
let apiPid = 0;
const cpuSamples = new Map<string, number[]>();
async function timed(fn: () => Promise<unknown>, label?: string): Promise<number> {
  const cpu0 = apiPid ? cpuMs(apiPid) : 0;
  const started = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (label && apiPid) cpuSamples.set(label, [...(cpuSamples.get(label) ?? []), cpuMs(apiPid) - cpu0]);
  return wall;
}
const cpuStats = (label: string) => {
  const ms = cpuSamples.get(label) ?? [];
  return ms.length ? { apiCpuP50Ms: percentile(ms, 50), apiCpuP99Ms: percentile(ms, 99) } : {};
};

async function main(): Promise<void> {
  const server = process.env['DATABASE_URL'];
  if (!server) throw new Error('Set DATABASE_URL to a Postgres server: a dedicated database is created there and dropped afterwards');
  const steps = Math.ceil(ROWS / DRIVERS);
  const end = Date.now() - 60_000;
  const start = end - (steps - 1) * INTERVAL_S * 1000;
  const monthStart = end - MONTH_DAYS * DAY;
  console.log(`${ROWS.toLocaleString('en')} rows: ${DRIVERS} drivers × ${steps.toLocaleString('en')} points every ${INTERVAL_S} s (${((end - start) / DAY).toFixed(2)} days), plus one driver's month for the export`);

  // disk first: refuse to start what cannot finish
  const needBytes = diskEstimateBytes(ROWS + Math.floor((MONTH_DAYS * DAY) / (INTERVAL_S * 1000)));
  const { postgres, directory, freeBytes: freeBefore } = await withClient(server, async (client) => ({
    postgres: (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v,
    ...(await serverFreeBytes(client)),
  }));
  if (freeBefore === null) {
    console.log(`disk: needs ~${gib(needBytes)} GiB; ${directory} (Postgres ${postgres}) is not on this machine, free space not checked`);
  } else {
    console.log(`disk: needs ~${gib(needBytes)} GiB, ${gib(freeBefore)} GiB free in ${directory} (Postgres ${postgres})`);
    if (freeBefore < needBytes) {
      throw new Error(`Not enough disk: ~${gib(needBytes)} GiB needed for ${ROWS.toLocaleString('en')} rows, ${gib(freeBefore)} GiB free in ${directory}`);
    }
  }

  const database = await createTestDatabase(server, 'bench_history');
  let api = await startApi({ databaseUrl: database.url, env: { EXPORT_RATE_LIMIT: '1000', RETENTION_DAYS: '365', LOG_LEVEL: 'warn', ...MALLOC_ENV } });
  try {
    const client0 = await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    const token0 = (client0 as unknown as { token: string }).token;
    const warm = async (baseUrl: string, token: string, driverId: string, from: number, to: number) => {
      const range = `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
      for (const path of [`/api/drivers/${driverId}/positions?${range}`, `/api/reports/trips?driverId=${driverId}&${range}`, `/api/reports/summary?${range}`]) {
        await (await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
      }
    };

    // the drivers, and the partitions of every day the data covers (maintenance made them as the days came)
    const { fleet, exporter } = await withClient(database.url, async (client) => {
      const rows = (await client.query<{ id: string }>(`INSERT INTO drivers (name) SELECT 'Bench ' || g FROM generate_series(1, $1::int) g RETURNING id`, [DRIVERS])).rows;
      const [exportDriver] = (await client.query<{ id: string }>(`INSERT INTO drivers (name) VALUES ('Bench export') RETURNING id`)).rows;
      for (let day = Math.floor(Math.min(start, monthStart) / DAY) * DAY; day <= end; day += DAY) {
        await client.query(`SELECT positions_create_partition($1::date)`, [new Date(day).toISOString().slice(0, 10)]);
      }
      return { fleet: rows.map((r) => r.id), exporter: exportDriver.id };
    });
    // RSS on the empty database, after the same kinds of requests (code paths loaded)
    await warm(api.baseUrl, token0, fleet[0], end - DAY, end);
    await new Promise((r) => setTimeout(r, 2000));
    const emptyRssMiB = Math.round(rssMiB(api.process.pid as number));
    await new Promise((r) => setTimeout(r, SETTLE_S * 1000 - 2000));
    const emptySettledRssMiB = Math.round(rssMiB(api.process.pid as number));
    // no API during the load: its maintenance job must not recreate a day that is detached for its index build
    await api.stop();

    // COPY, each day in time order (as live ingest writes: all drivers interleaved), days in parallel
    const monthSteps = Math.floor((MONTH_DAYS * DAY) / (INTERVAL_S * 1000));
    const series: LoadSeries[] = [
      { drivers: fleet, start, intervalS: INTERVAL_S, steps, firstUpdate: 1 },
      { drivers: [exporter], start: monthStart, intervalS: INTERVAL_S, steps: monthSteps, firstUpdate: 10_000_000_000 },
    ];
    const totalRows = steps * fleet.length + monthSteps;
    const loadStarted = Date.now();
    let loaded = 0;
    let daysDone = 0;
    const days = dayUnits(series).length;
    const loadCpu0 = process.cpuUsage();
    const loading = await loadPositions(database.url, series, {
      workers: LOAD_WORKERS,
      indexes: INDEXES,
      // rows: copied; days: copied, indexed and attached (the last days' index builds follow the last rows)
      onProgress: (event) => {
        if ('rows' in event) loaded += event.rows;
        else daysDone++;
        progress(`positions (${daysDone}/${days} days done)`, loaded, totalRows, loadStarted, daysDone === days);
      },
    });
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const loadCpu = process.cpuUsage(loadCpu0);
    const loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);
    const schema = await checkSchema(database.url, series);
    console.log(`${schema.partitionsChecked} loaded partitions match the catalog of one positions_create_partition makes`);
    // what maintenance does for closed days (VACUUM (ANALYZE): all-visible pages, index-only scans); today's too, for the bench
    const vacuumStarted = Date.now();
    await withClient(database.url, async (client) => {
      await client.query('SET statement_timeout = 0');
      await client.query('VACUUM (ANALYZE) positions');
    });
    const vacuumSeconds = (Date.now() - vacuumStarted) / 1000;
    // flush what the load and the vacuum dirtied now, so the reads below do not share the disk with
    // the checkpointer writing ~0.3 KB a row out in the background (a box that has held its rows for
    // a while is in that state)
    const checkpointStarted = Date.now();
    await withClient(database.url, (client) => client.query('CHECKPOINT'));
    const checkpointSeconds = (Date.now() - checkpointStarted) / 1000;
    // the load wrote behind the API's back (no late-write log): rows the empty database's API kept are stale
    await withClient(database.url, (client) => client.query('DELETE FROM prepared_summaries'));
    console.log(
      `loaded ${totalRows.toLocaleString('en')} rows in ${formatSeconds(loadSeconds)} (${Math.round(totalRows / loadSeconds).toLocaleString('en')} rows/s, ` +
        `indexes ${INDEXES}: ${loading.indexSeconds} s of index builds; Postgres CPU ${loading.postgresCpuSeconds ?? '?'} s, ` +
        `this process ${Math.round((loadCpu.user + loadCpu.system) / 1e5) / 10} s), VACUUM (ANALYZE) ${formatSeconds(vacuumSeconds)}, CHECKPOINT ${formatSeconds(checkpointSeconds)}`,
    );

    // a fresh API process on the full database (what a restart after the run sees), warmed like the empty one
    const apiStarted = Date.now();
    api = await startApi({ databaseUrl: database.url, env: { EXPORT_RATE_LIMIT: '1000', RETENTION_DAYS: '365', LOG_LEVEL: 'warn', TIME_ZONE: 'UTC', ...MALLOC_ENV } });
    const pid = api.process.pid as number;
    // at start the API prepares the fleet summaries of the last two closed days (REPORT_PREPARE_DAYS): let it finish first
    const closedDayStart = Math.floor(end / DAY) * DAY - DAY;
    let prepareSeconds: number | null = null;
    while (Date.now() - apiStarted < 900_000) {
      const kept = await withClient(database.url, async (c) => Number((await c.query(`SELECT count(*) AS n FROM prepared_summaries`)).rows[0].n));
      if (kept >= 2 * (DRIVERS + 1)) {
        prepareSeconds = Math.round((Date.now() - apiStarted) / 100) / 10;
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    console.log(`the API prepared the fleet summaries of the last two closed days ${prepareSeconds ?? '> 900'} s after its start`);
    apiPid = pid;
    const admin = await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    const token = (admin as unknown as { token: string }).token;
    const get = async (path: string) => {
      const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString().slice(0, 200)}`);
      return body;
    };
    const dayFrom = Math.max(start, end - DAY);
    const range = `from=${new Date(dayFrom).toISOString()}&to=${new Date(end).toISOString()}`;
    const pick = (i: number) => fleet[(i * 7919) % fleet.length];
    // the code paths loaded and compiled, as on the empty database (a driver the reads below do not pick)
    await warm(api.baseUrl, token, fleet[fleet.length - 1], dayFrom, end);

    /** The API's RSS after each phase of reads: which one grows it (issue #11: RSS after the run vs empty). */
    const rssAfter: Record<string, number> = { start: Math.round(rssMiB(pid)) };
    // timed to the answer's last byte; this process's JSON.parse of it (~1 MB) is timed apart
    const history: number[] = [];
    const historyParse: number[] = [];
    let historyPoints = 0;
    for (let i = 0; i < RUNS; i++) {
      let body = new ArrayBuffer(0);
      history.push(await timed(async () => (body = await get(`/api/drivers/${pick(i)}/positions?${range}`)), 'history'));
      historyParse.push(await timed(async () => (historyPoints = (JSON.parse(Buffer.from(body).toString()) as { total: number }).total)));
    }
    rssAfter['history'] = Math.round(rssMiB(pid));
    const trips: number[] = [];
    const stops: number[] = [];
    for (let i = 0; i < RUNS; i++) trips.push(await timed(() => get(`/api/reports/trips?driverId=${pick(i + RUNS)}&${range}`), 'trips'));
    rssAfter['trips'] = Math.round(rssMiB(pid));
    for (let i = 0; i < RUNS; i++) stops.push(await timed(() => get(`/api/reports/stops?driverId=${pick(i + 2 * RUNS)}&${range}`), 'stops'));
    rssAfter['stops'] = Math.round(rssMiB(pid));
    const summary: number[] = [];
    for (let i = 0; i < SUMMARY_RUNS; i++) summary.push(await timed(() => get(`/api/reports/summary?${range}`), 'summary'));
    rssAfter['summary'] = Math.round(rssMiB(pid));
    // yesterday as a calendar day, as the dashboard asks: a closed day, answered from the prepared rows
    const closedDay = new Date(closedDayStart).toISOString().slice(0, 10);
    const closedSummary: number[] = [];
    for (let i = 0; i < RUNS; i++) closedSummary.push(await timed(() => get(`/api/reports/summary?from=${closedDay}&to=${closedDay}&tz=UTC`), 'summaryClosedDay'));
    // the prepared answer must be the one computed from the points (the same day as instants)
    const [preparedAnswer, computedAnswer] = await Promise.all([
      get(`/api/reports/summary?from=${closedDay}&to=${closedDay}&tz=UTC`),
      get(`/api/reports/summary?from=${new Date(closedDayStart).toISOString()}&to=${new Date(closedDayStart + DAY).toISOString()}`),
    ]);
    const closedDayTrips = (JSON.parse(Buffer.from(preparedAnswer).toString()) as { trips: number }[]).reduce((n, r) => n + r.trips, 0);
    const closedDayEqualsComputed = Buffer.from(preparedAnswer).equals(Buffer.from(computedAnswer));
    if (!closedDayEqualsComputed) console.error('the prepared summary of the closed day differs from the one computed from its points');
    console.log('history', stats(history), 'trips', stats(trips), 'stops', stats(stops), 'summary', stats(summary), 'closed day', stats(closedSummary));
    console.log('API RSS after each phase (MiB)', rssAfter);

    // a month's CSV export, streamed, RSS sampled every 50 ms
    let peak = rssMiB(pid);
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
    const exportStarted = Date.now();
    const exportCpu0 = cpuMs(pid);
    let bytes = 0;
    try {
      const monthRange = `from=${new Date(monthStart).toISOString()}&to=${new Date(end).toISOString()}`;
      const response = await fetch(`${api.baseUrl}/api/drivers/${exporter}/positions?${monthRange}&format=csv`, { headers: { authorization: `Bearer ${token}` } });
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    } finally {
      clearInterval(sampler);
    }
    const exportSeconds = (Date.now() - exportStarted) / 1000;
    const csvExport = {
      rows: monthSteps,
      bytes,
      seconds: exportSeconds,
      rowsPerSecond: Math.round(monthSteps / exportSeconds),
      apiCpuSeconds: Math.round(cpuMs(pid) - exportCpu0) / 1000,
      rowsPerApiCpuSecond: Math.round(monthSteps / ((cpuMs(pid) - exportCpu0) / 1000)),
      peakRssMiB: Math.round(peak),
    };
    console.log('export', csvExport);
    await new Promise((r) => setTimeout(r, 2000));
    const afterRssMiB = Math.round(rssMiB(pid));
    rssAfter['export'] = afterRssMiB;
    await new Promise((r) => setTimeout(r, SETTLE_S * 1000 - 2000));
    const afterSettledRssMiB = Math.round(rssMiB(pid));

    // the plans, size on disk, and dropping the oldest day
    const facts = await withClient(database.url, async (client) => {
      const explain = async (sql: string, params: unknown[]) =>
        (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${sql}`, params)).rows.map((r) => r['QUERY PLAN'] as string);
      const historyPlan = await explain(HISTORY_PACKED_SQL, [fleet[1], new Date(dayFrom), new Date(end), HISTORY_POINT_CAP]);
      const exportPlan = await explain(
        `SELECT recorded_at, latitude, longitude, accuracy, speed, heading, source FROM positions WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3 ORDER BY recorded_at, id`,
        [exporter, new Date(monthStart), new Date(end)],
      );
      const sizes = (
        await client.query<{ partitions: string; bytes: string; table_bytes: string; index_bytes: string; db: string }>(
          `SELECT count(*) AS partitions, sum(pg_total_relation_size(c.oid)) AS bytes, sum(pg_relation_size(c.oid)) AS table_bytes,
                  sum(pg_indexes_size(c.oid)) AS index_bytes, pg_database_size(current_database()) AS db
             FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'positions'::regclass`,
        )
      ).rows[0];
      const oldest = (
        await client.query<{ name: string; rows: string }>(
          `SELECT c.relname AS name, c.reltuples::bigint AS rows FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'positions'::regclass AND c.relname ~ '^positions_[0-9]{8}$' AND c.reltuples > 0 ORDER BY c.relname LIMIT 1`,
        )
      ).rows[0];
      const dropStarted = process.hrtime.bigint();
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = '2s'`);
      await client.query(`DROP TABLE "${oldest.name}"`);
      await client.query('COMMIT');
      const dropMs = Number(process.hrtime.bigint() - dropStarted) / 1e6;
      return {
        historyPlan,
        exportPlan: exportPlan.slice(0, 12),
        disk: {
          partitions: Number(sizes.partitions),
          totalBytes: Number(sizes.bytes),
          tableBytes: Number(sizes.table_bytes),
          indexBytes: Number(sizes.index_bytes),
          databaseBytes: Number(sizes.db),
          bytesPerRow: Math.round(Number(sizes.bytes) / totalRows),
        },
        dropPartition: { name: oldest.name, rows: Number(oldest.rows), ms: Math.round(dropMs * 10) / 10 },
      };
    });
    console.log(facts.historyPlan.join('\n'));

    const commit = execSync('git rev-parse --short HEAD').toString().trim();
    const at = new Date().toISOString();
    const freeAfter = await withClient(database.url, async (client) => (await serverFreeBytes(client)).freeBytes);
    const result = {
      bench: 'history',
      postgres,
      freeDisk: {
        directory,
        beforeGiB: freeBefore === null ? null : gib(freeBefore),
        afterLoadGiB: freeAfter === null ? null : gib(freeAfter),
        estimateNeededGiB: gib(needBytes),
      },
      at,
      commit,
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      table: { rows: totalRows, fleetRows: steps * fleet.length, drivers: DRIVERS, pointEveryS: INTERVAL_S, days: Math.round(((end - start) / DAY) * 100) / 100 },
      load: {
        copySeconds: Math.round(loadSeconds),
        rowsPerSecond: Math.round(totalRows / loadSeconds),
        workers: LOAD_WORKERS,
        indexes: INDEXES,
        indexBuildSeconds: loading.indexSeconds,
        days: loading.days,
        benchCpuSeconds: Math.round((loadCpu.user + loadCpu.system) / 1e5) / 10,
        postgresCpuSeconds: loading.postgresCpuSeconds,
        postgresCpuUsPerRow: loading.postgresCpuSeconds === null ? null : Math.round((loading.postgresCpuSeconds * 1e7) / totalRows) / 10,
        partitionsMatchingProductSchema: schema.partitionsChecked,
        loadAverageAfterLoad: loadAfter,
        vacuumSeconds: Math.round(vacuumSeconds),
        checkpointSeconds: Math.round(checkpointSeconds * 10) / 10,
      },
      historyDay: {
        ...stats(history),
        ...cpuStats('history'),
        pointsInDay: historyPoints,
        clientParseP50Ms: percentile(historyParse, 50),
        note: 'one driver, the last 24 h, JSON thinned to ≤ 5,000 points; to the last byte (the client\'s JSON.parse apart)',
      },
      tripsDay: { ...stats(trips), ...cpuStats('trips') },
      stopsDay: { ...stats(stops), ...cpuStats('stops') },
      fleetSummaryDay: { ...stats(summary), ...cpuStats('summary'), drivers: DRIVERS, note: 'the last 24 h: computed from the points at every request' },
      fleetSummaryClosedDay: {
        ...stats(closedSummary),
        ...cpuStats('summaryClosedDay'),
        drivers: DRIVERS,
        day: closedDay,
        preparedSecondsAfterApiStart: prepareSeconds,
        trips: closedDayTrips,
        equalsComputedFromPoints: closedDayEqualsComputed,
        note: 'yesterday as a calendar day: answered from the rows the API prepared at its start',
      },
      csvExportMonth: csvExport,
      apiRss: {
        mallocEnv: MALLOC_ENV,
        emptyDatabaseMiB: emptyRssMiB,
        afterRunMiB: afterRssMiB,
        ratio: Math.round((afterRssMiB / emptyRssMiB) * 100) / 100,
        afterEachPhaseMiB: rssAfter,
        settleSeconds: SETTLE_S,
        emptyDatabaseSettledMiB: emptySettledRssMiB,
        afterRunSettledMiB: afterSettledRssMiB,
        settledRatio: Math.round((afterSettledRssMiB / emptySettledRssMiB) * 100) / 100,
      },
      ...facts,
    };
    const dir = join(__dirname, '../../bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `history-${at.replace(/[:]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(JSON.stringify({ ...result, historyPlan: undefined, exportPlan: undefined }, null, 2));
    console.log(`-> ${file}`);
  } finally {
    await api.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
