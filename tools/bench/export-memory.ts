/**
 * How much memory a full-range export costs the API: seeds one driver with a month of 1-second
 * points (2,678,400 rows; `--rows=` to change), starts the built API, downloads the range as CSV and
 * GeoJSON (and the thinned JSON for the map) while sampling the API's RSS from /proc/<pid>/status
 * every 50 ms. Prints a summary and writes bench/results/export-memory-<timestamp>.json.
 *
 *   npm run bench:export                 # DATABASE_URL's server, else the machine must provide one
 *   npm run bench:export -- --rows=1000000
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, createTestDatabase, startApi, TEST_ADMIN, withClient } from '@convoy/testing';

const ROWS = Number(process.argv.find((a) => a.startsWith('--rows='))?.slice(7) ?? 31 * 86_400);
const SEED_CHUNK = 500_000;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function seed(url: string, end: Date): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string }>(`INSERT INTO drivers (name) VALUES ('Bench driver') RETURNING id`);
    for (let start = 1; start <= ROWS; start += SEED_CHUNK) {
      const last = Math.min(ROWS, start + SEED_CHUNK - 1);
      await client.query(
        `INSERT INTO positions (driver_id, latitude, longitude, accuracy, speed, heading, recorded_at, source)
         SELECT $1, 50 + (g % 100000) * 1e-6, 14 + (g % 100000) * 1e-6, 5, 13.9, 90, $2::timestamptz - make_interval(secs => $4 - g), 'telegram-live'
           FROM generate_series($3::int, $4::int) AS g`,
        [rows[0].id, end, start, last],
      );
    }
    await client.query('ANALYZE positions');
    return rows[0].id;
  });
}

async function download(url: string, token: string, pid: number): Promise<{ bytes: number; seconds: number; peakRssMiB: number; status: number }> {
  let peak = rssMiB(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
  const started = Date.now();
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    return { bytes, seconds: (Date.now() - started) / 1000, peakRssMiB: Math.round(peak), status: response.status };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const server = process.env['DATABASE_URL'];
  if (!server) throw new Error('Set DATABASE_URL to a Postgres server (a fresh database is created there and dropped)');
  const database = await createTestDatabase(server, 'bench_export');
  const api = await startApi({ databaseUrl: database.url, env: { EXPORT_RATE_LIMIT: '100' } });
  try {
    const pid = api.process.pid as number;
    const end = new Date(Date.now() - 60_000);
    const seedStarted = Date.now();
    const driverId = await seed(database.url, end);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const admin = await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    const token = (admin as unknown as { token: string }).token;
    const from = new Date(end.getTime() - ROWS * 1000).toISOString();
    const range = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(end.toISOString())}`;
    const idleRssMiB = Math.round(rssMiB(pid));
    const results: Record<string, unknown> = {};
    for (const format of ['csv', 'geojson', 'gpx', 'json']) {
      results[format] = await download(`${api.baseUrl}/api/drivers/${driverId}/positions?${range}&format=${format}`, token, pid);
      console.log(format, results[format]);
    }
    const report = { at: new Date().toISOString(), rows: ROWS, seedSeconds, idleRssMiB, exports: results, node: process.version };
    console.log(JSON.stringify(report, null, 2));
    const dir = join(__dirname, '../../bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `export-memory-${report.at.replace(/[:]/g, '-')}.json`), JSON.stringify(report, null, 2) + '\n');
  } finally {
    await api.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
