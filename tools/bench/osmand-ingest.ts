import { Agent, request } from 'node:http';
import { ApiClient } from '@convoy/testing';
import type { CreatedLinkResponse, JoinResponse } from '@convoy/contracts';
import { mapLimit } from './lifecycle';
import type { Target } from './target';

/** Result of the OsmAnd-ingest saturation run (the GPS-app channel through the same pipeline). */
export interface OsmandResult {
  devices: number;
  connections: number;
  seconds: number;
  /** points answered 200 per second in the measured window */
  updatesPerSecond: number;
  /** answers other than 200 (429 counted apart) */
  errors: number;
  rateLimited: number;
  httpP50Ms: number | null;
  httpP99Ms: number | null;
  /** points answered 200 and found in Postgres / answered 200 */
  stored: { acked: number; found: number };
}

/**
 * Joins `devices` drivers through the join page's GPS-app channel and sends OsmAnd-protocol GETs (as
 * Traccar Client does) over `connections` keep-alive connections as fast as they are answered. Each
 * device gets its own X-Forwarded-For address (the API trusts loopback proxies) and at most one
 * request in flight, so the rate limits (per key, per address) model real phones, not one client.
 */
export async function runOsmandSaturation(
  target: Target,
  devices: number,
  connections: number,
  warmupSeconds: number,
  seconds: number,
): Promise<OsmandResult> {
  const admin = new ApiClient(target.baseUrl).as(target.dashboardToken);
  const keys = await mapLimit(Array.from({ length: devices }, (_, i) => i), 10, async (i) => {
    const link = await admin.post<CreatedLinkResponse>('/api/links', { driverName: `GPS app ${i + 1}` });
    const joined = await new ApiClient(target.baseUrl).post<JoinResponse>(`/api/join/${link.body.token}`, { channel: 'app' }, {
      'x-forwarded-for': address(i),
    });
    if (joined.status !== 201) throw new Error(`POST /api/join: ${joined.status} ${JSON.stringify(joined.body)}`);
    return { key: encodeURIComponent(joined.body.deviceKey), driverId: joined.body.driverId, sent: 0 };
  });

  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const get = (path: string, forwardedFor: string) =>
    new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: target.port, path, agent, headers: { 'x-forwarded-for': forwardedFor } }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      });
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(0));
      req.end();
    });

  const start = Date.now();
  const measureFrom = start + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;
  const latencies: number[] = [];
  let ok = 0;
  let acked = 0;
  let errors = 0;
  let rateLimited = 0;
  let next = 0;
  // a device sends its next point only after the previous was answered; 1 s apart in device time
  const base = Date.now() - 3_600_000;
  const lanes = Array.from({ length: connections }, async () => {
    while (Date.now() < end) {
      const i = next++ % keys.length;
      const device = keys[i];
      const step = device.sent++;
      const at = base + step * 1000 + i; // unique per device: a resend would be stored once
      const lat = (52.4 + (i % 100) / 1000 + step / 100_000).toFixed(6);
      const sentAt = performance.now();
      const status = await get(`/ingest/osmand?id=${device.key}&timestamp=${at}&lat=${lat}&lon=13.4&speed=20&bearing=90&batt=80`, address(i));
      const now = Date.now();
      if (status === 200) acked++;
      if (now < measureFrom || now > end) continue;
      latencies.push(performance.now() - sentAt);
      if (status === 200) ok++;
      else if (status === 429) rateLimited++;
      else errors++;
    }
  });
  await Promise.all(lanes);
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const quantile = (q: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10 : null);
  return {
    devices,
    connections,
    seconds,
    updatesPerSecond: Math.round(ok / seconds),
    errors,
    rateLimited,
    httpP50Ms: quantile(0.5),
    httpP99Ms: quantile(0.99),
    stored: { acked, found: await countStored(target, keys.map((k) => k.driverId)) },
  };
}

/** A private address per device (10.x.y.z), as if each phone came from its own carrier address. */
function address(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

async function countStored(target: Target, driverIds: string[]): Promise<number> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM positions WHERE driver_id = ANY($1::uuid[])', [driverIds]);
    return result.rows[0].n;
  } finally {
    await client.end();
  }
}
