import type { CreatedLinkResponse, DriverDto } from '@convoy/contracts';
import {
  ApiClient,
  BotApiDouble,
  connectLive,
  createTestDatabase,
  freePort,
  startApi,
  TelegramUpdateFactory,
  telegramUser,
  testPostgresServerUrl,
  TEST_ADMIN,
  type ApiProcess,
  type TestDatabase,
} from '@convoy/testing';
import { Client } from 'pg';
import { positionRows } from './support/positions-in-db';
import { startTelegramTestbed } from './support/telegram-api';

describe('no acknowledged position is lost', () => {
  it('keeps every update Telegram got a 200 for when the API is killed right after (SIGKILL)', async () => {
    const bed = await startTelegramTestbed('sigkill', 'webhook');
    try {
      const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Night driver' });
      const driver = telegramUser();
      await bed.telegram.waitForDelivered(bed.telegram.pushUpdate(bed.updates.command(driver, '/start', link.body.token)));
      const start = bed.telegram.pushUpdate(
        bed.updates.liveLocationStart(driver, { latitude: 50, longitude: 14, live_period: 3600 }),
      );
      const edits = Array.from({ length: 60 }, (_, i) =>
        bed.telegram.pushUpdate(
          bed.updates.liveLocationEdit(driver, start, { latitude: 50 + (i + 1) / 1000, longitude: 14, edit_date: start.message.date + i + 1 }),
        ),
      );
      await bed.telegram.waitForDelivered({ count: 62 }, 20_000);
      bed.api.process.kill('SIGKILL');
      await bed.api.exited;

      const acknowledged = new Set(
        bed.telegram.deliveries.filter((d) => d.outcome === 'delivered').map((d) => d.update_id),
      );
      const stored = await positionRows(bed.database.url);
      const storedIds = new Set(stored.map((r) => Number(r.telegram_update_id)));
      for (const update of [start, ...edits]) {
        if (acknowledged.has(update.update_id)) expect(storedIds.has(update.update_id)).toBe(true);
      }
      expect(stored).toHaveLength(61);
    } finally {
      await bed.close();
    }
  });
});

const redisUrl = process.env['REDIS_URL'] ?? process.env['TEST_REDIS_URL'];

describe('two API instances sharing Postgres and Redis', () => {
  let database: TestDatabase;
  let telegram: BotApiDouble;
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    if (!redisUrl) {
      throw new Error('This test needs Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379); .ci/run does when one answers.');
    }
    database = await createTestDatabase(testPostgresServerUrl(), 'scale_out');
    telegram = new BotApiDouble();
    await telegram.start();
    const [portA, portB] = [await freePort(), await freePort()];
    const env = (port: number) => ({
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_BOT_USERNAME: telegram.botInfo.username,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      // Telegram posts to one URL; behind a load balancer that is either instance — here, A
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${portA}/telegram/webhook`,
      AUTO_TRACK_INTERVAL: '0',
      REDIS_URL: redisUrl,
      PORT: String(port),
    });
    [a, b] = await Promise.all([
      startApi({ databaseUrl: database.url, port: portA, env: env(portA) }),
      startApi({ databaseUrl: database.url, port: portB, env: env(portB) }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await telegram?.stop();
    await database?.drop();
  });

  it('delivers to a dashboard on instance B what instance A received from Telegram', async () => {
    const adminOnB = await new ApiClient(b.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    const token = (await new ApiClient(b.baseUrl).post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN)).body.accessToken;
    const liveOnB = await connectLive(b.baseUrl, token);
    try {
      const link = await adminOnB.post<CreatedLinkResponse>('/api/links', { driverName: 'Across instances' });
      const updates = new TelegramUpdateFactory({ messageIds: telegram });
      const driver = telegramUser();
      await telegram.waitForDelivered(telegram.pushUpdate(updates.command(driver, '/start', link.body.token)), 10_000);
      telegram.pushUpdate(updates.location(driver, { latitude: 52.52, longitude: 13.405 }));

      await liveOnB.waitFor((r) => r.positions.some((p) => p.latitude === 52.52), 'the position on instance B');
      const joined = (await adminOnB.get<DriverDto[]>('/api/drivers')).body.find((d) => d.name === 'Across instances');
      expect(liveOnB.positions.find((p) => p.latitude === 52.52)?.driverId).toBe(joined?.id);
      expect(liveOnB.changes.some((c) => c.type === 'upsert' && c.driver.name === 'Across instances')).toBe(true);
      const ready = await adminOnB.get<{ details: Record<string, unknown> }>('/health/ready');
      expect(ready.body.details['socketAdapter']).toEqual({ status: 'up', adapter: 'redis' });
    } finally {
      liveOnB.close();
    }
  });

  it('applies the schema once when both started together on an empty database', async () => {
    expect(await appliedMigrations(database.url)).toEqual([
      'CreateAccounts1795478400000',
      'CreateTracking1795478500000',
      'CreateLinks1795478600000',
    ]);
  });
});

async function appliedMigrations(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT name FROM migrations ORDER BY id')).rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}
