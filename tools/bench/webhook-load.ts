import { createServer, type Server, type Socket } from 'node:net';
import { ApiClient, withClient } from '@convoy/testing';
import { CONVOY_EVENT_TYPES, type NewConvoyEvent } from '@convoy/contracts';
import { appendEvents } from '@convoy/server/events';
import { Client } from 'pg';
import type { Target } from './target';

/** `--webhook=dead`: an endpoint that accepts connections and never answers; `off`: the same event stream, no endpoint. */
export type WebhookScenario = 'none' | 'off' | 'dead';

export interface WebhookLoad {
  /** events appended to the outbox while it ran */
  eventsAppended: number;
  /** connections the dead endpoint accepted (each held until the API's timeout) */
  connectionsAccepted: number;
  /** deliveries by status at the end */
  deliveries: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Stands in for the event producers (visits, quiet/back, speeding…): appends `eventsPerSecond`
 * events through the real outbox (`appendEvents`, in a transaction of their own, every 100 ms), and
 * with `dead` registers a webhook for every event type at a local server that accepts each
 * connection and never answers — the worst endpoint: every attempt waits for the full timeout.
 */
export async function startWebhookLoad(target: Target, scenario: Exclude<WebhookScenario, 'none'>, eventsPerSecond: number): Promise<WebhookLoad> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let server: Server | null = null;
  if (scenario === 'dead') {
    server = createServer((socket) => {
      accepted += 1;
      sockets.add(socket);
      socket.on('data', () => undefined); // read, never answer
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const admin = new ApiClient(target.baseUrl, target.dashboardToken);
    const created = await admin.post('/api/webhooks', { url: `http://127.0.0.1:${port}/never-answers`, events: [...CONVOY_EVENT_TYPES], description: 'bench: dead endpoint' });
    if (created.status !== 201) throw new Error(`POST /api/webhooks: ${created.status} ${JSON.stringify(created.body)}`);
  }

  const client = new Client({ connectionString: target.databaseUrl });
  await client.connect();
  let appended = 0;
  let stopped = false;
  const perTick = Math.max(1, Math.round(eventsPerSecond / 10));
  const tick = async () => {
    const events: NewConvoyEvent[] = Array.from({ length: perTick }, (_, i) => ({
      type: 'driver.speeding',
      driverId: target.driverIds[(appended + i) % target.driverIds.length] ?? null,
      data: {
        driver: { id: target.driverIds[0] ?? '00000000-0000-4000-8000-000000000000', name: 'Bench driver' },
        speedKmh: 92,
        maxSpeedKmh: 97,
        thresholdKmh: 80,
        since: new Date().toISOString(),
        position: { lat: 52.52, lon: 13.405 },
      },
    }));
    await client.query('BEGIN');
    await appendEvents(client, events);
    await client.query('COMMIT');
    appended += events.length;
  };
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      await tick().catch(() => client.query('ROLLBACK').catch(() => undefined));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - started))));
    }
  })();

  const load: WebhookLoad = {
    get eventsAppended() {
      return appended;
    },
    get connectionsAccepted() {
      return accepted;
    },
    deliveries: {},
    stop: async () => {
      stopped = true;
      await loop;
      await client.end();
      load.deliveries = await withClient(target.databaseUrl, async (db) => {
        const rows = (await db.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status')).rows;
        return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
      });
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
  return load;
}
