/**
 * Where the API's RSS goes (issue #11), focused: fills a database once (`--drivers` × `--steps` points
 * every 5 s, ending now), then for each `--variants` entry starts the built API on it and reads like
 * bench:history (10 one-driver-day histories, 10 trips, 10 stops, 3 fleet summaries), printing after
 * each phase the RSS and, through a preload probe (SIGUSR2), V8 heap / external / arrayBuffers before
 * and after a full GC and the bytes held by node-pg's parsers. At the end the API idles 5 s, then glibc is asked to give back
 * free memory (`malloc_trim(0)` through gdb) to tell freed-but-kept native memory from live memory.
 *
 *   TS_NODE_TRANSPILE_ONLY=true TS_NODE_PROJECT=tools/bench/tsconfig.json node -r ts-node/register \
 *     -r tsconfig-paths/register tools/bench-history/rss-phases.ts --variants='base;MALLOC_ARENA_MAX=2'
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ApiClient, createTestDatabase, startApi, TEST_ADMIN, withClient } from '@convoy/testing';
import { cpuMs, rssMiB } from './api-process-env';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=') ?? fallback;
const DRIVERS = Number(arg('drivers', '500'));
const STEPS = Number(arg('steps', '4000'));
const RUNS = Number(arg('runs', '10'));
const VARIANTS = arg('variants', 'base').split(';');
const PROBE = join(__dirname, 'rss-probe.cjs');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Anonymous memory by kind: the glibc main heap ([heap]), other big anonymous mappings (arenas, V8 pages, mmapped Buffers). */
function smaps(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  let name = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) name = head[1] === '' ? 'anon' : head[1].startsWith('/') ? 'files' : head[1];
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[name] = (out[name] ?? 0) + Number(rss[1]) / 1024;
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]));
}

async function probe(pid: number, file: string): Promise<unknown> {
  const before = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await sleep(50);
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    if (lines.length > before) return JSON.parse(lines[lines.length - 1]);
  }
  return 'no probe answer';
}

async function main(): Promise<void> {
  const server = process.env['DATABASE_URL'] as string;
  const database = await createTestDatabase(server, 'rss_phases');
  try {
    const end = Date.now() - 60_000;
    const start = end - (STEPS - 1) * 5000;
    let api = await startApi({ databaseUrl: database.url, env: { RETENTION_DAYS: '365' } });
    const fleet = await withClient(database.url, async (client) => {
      const rows = (await client.query<{ id: string }>(`INSERT INTO drivers (name) SELECT 'Bench ' || g FROM generate_series(1, $1::int) g RETURNING id`, [DRIVERS])).rows;
      for (let day = Math.floor(start / 86_400_000) * 86_400_000; day <= end; day += 86_400_000) {
        await client.query(`SELECT positions_create_partition($1::date)`, [new Date(day).toISOString().slice(0, 10)]);
      }
      await client.query('SET statement_timeout = 0');
      // the bench's loop: 10 min driving at 36 km/h, 5 min parked
      await client.query(
        `INSERT INTO positions (driver_id, latitude, longitude, accuracy, heading, speed, battery, recorded_at, source)
         SELECT d.id, 48 + (d.n % 50) * 0.1 + (least(k % 180, 120) * 50) / 111195.0, 9 + (d.n / 50) * 0.1, 8,
                CASE WHEN k % 180 < 120 THEN 0 END, CASE WHEN k % 180 < 120 THEN 10 ELSE 0 END, 80,
                to_timestamp($2::float8 / 1000) + k * interval '5 s', 'osmand'
           FROM generate_series(0, $3::int - 1) k, (SELECT id, row_number() OVER () - 1 AS n FROM unnest($1::uuid[]) id) d
          ORDER BY k`,
        [rows.map((r) => r.id), start, STEPS],
      );
      await client.query('VACUUM (ANALYZE) positions');
      return rows.map((r) => r.id);
    });
    await api.stop();
    console.log(`filled ${DRIVERS * STEPS} rows; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const range = `from=${new Date(Math.max(start, end - 86_400_000)).toISOString()}&to=${new Date(end).toISOString()}`;
    const pick = (i: number) => fleet[(i * 7919) % fleet.length];

    for (const variant of VARIANTS) {
      const extra = variant === 'base' ? {} : Object.fromEntries(variant.split('+').map((kv) => kv.split('=') as [string, string]));
      const file = `/tmp/rss-probe-${process.pid}-${variant.replace(/\W+/g, '_')}.jsonl`;
      rmSync(file, { force: true });
      api = await startApi({
        databaseUrl: database.url,
        env: { RETENTION_DAYS: '365', NODE_OPTIONS: `--expose-gc --require ${PROBE}`, MEMPROBE_OUT: file, ...extra },
      });
      const pid = api.process.pid as number;
      const token = ((await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password)) as unknown as { token: string }).token;
      const get = async (path: string) => {
        const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        return body.byteLength;
      };
      let cpu0 = cpuMs(pid);
      const report = async (phase: string, bytes?: number) => {
        const phaseCpuMs = cpuMs(pid) - cpu0;
        const rss = Math.round(rssMiB(pid));
        const maps = smaps(pid);
        const facts = await probe(pid, file);
        cpu0 = cpuMs(pid);
        console.log(JSON.stringify({ variant, phase, rssMiB: rss, phaseCpuMs, answerBytes: bytes, smapsRssMiB: maps, probe: facts }));
      };
      await report('start');
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) bytes = await get(`/api/drivers/${pick(i)}/positions?${range}`);
      await report('history', bytes);
      for (let i = 0; i < RUNS; i++) bytes = await get(`/api/reports/trips?driverId=${pick(i + RUNS)}&${range}`);
      await report('trips', bytes);
      for (let i = 0; i < RUNS; i++) bytes = await get(`/api/reports/stops?driverId=${pick(i + 2 * RUNS)}&${range}`);
      await report('stops', bytes);
      for (let i = 0; i < 3; i++) bytes = await get(`/api/reports/summary?${range}`);
      await report('summary', bytes);
      await sleep(5000);
      await report('after 5 s idle');
      execSync(`gdb -p ${pid} -batch -ex 'call (int)malloc_trim(0)' -ex detach`, { stdio: 'ignore' });
      await report('after malloc_trim(0)');
      await api.stop();
      console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    }
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
