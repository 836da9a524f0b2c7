import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ApiClient,
  BotApiDouble,
  createTestDatabase,
  freePort,
  startApi,
  TEST_ADMIN,
  type TelegramUserFixture,
} from '@convoy/testing';
import type { CreatedLinkResponse, DriverDto, LoginResponse } from '@convoy/contracts';
import { FleetStream } from './fleet';
import { mapLimit, waitUntil, withTimeout, type Cleanup } from './lifecycle';
import type { Target } from './target';
import { WebhookClient } from './webhook-client';

export interface ConvoySetup {
  serverUrl: string;
  users: readonly TelegramUserFixture[];
  firstUpdateId: number;
  /** write a V8 CPU profile of the API into this folder (on exit) */
  cpuProfileDir: string | null;
  /** places to seed over the fleet's area (0: none) */
  places: number;
  /** more environment for the API (e.g. WEBHOOK_ALLOW_PRIVATE for a local webhook endpoint) */
  env?: Record<string, string>;
}

/**
 * Convoy as ops run it: a fresh database, the Bot API double answering the bot's own calls, the built
 * API in webhook mode; then every driver joins the way a real one does (admin creates a link, the
 * driver sends `/start <token>` through the webhook).
 */
export async function startConvoy(setup: ConvoySetup, cleanup: Cleanup): Promise<Target> {
  const database = await createTestDatabase(setup.serverUrl, 'bench_convoy');
  cleanup.add('convoy database', () => database.drop());

  const double = new BotApiDouble({ acceptUnknownChats: true });
  await double.start();
  cleanup.add('Bot API double', () => double.stop());

  const port = await freePort();
  const secret = randomBytes(24).toString('base64url');
  if (setup.cpuProfileDir) mkdirSync(setup.cpuProfileDir, { recursive: true });
  const api = await startApi({
    databaseUrl: database.url,
    port,
    env: {
      TELEGRAM_BOT_TOKEN: double.token,
      TELEGRAM_BOT_USERNAME: double.botInfo.username,
      TELEGRAM_API_ROOT: double.apiRoot,
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
      TELEGRAM_WEBHOOK_SECRET: secret,
      AUTO_TRACK_INTERVAL: '0',
      LOG_LEVEL: 'warn',
      ...setup.env,
      ...(setup.cpuProfileDir
        ? {
            NODE_OPTIONS: `--require ${resolve(__dirname, 'cpu-profile-preload.js')}`,
            BENCH_CPU_PROFILE_FILE: join(setup.cpuProfileDir, 'convoy-api.cpuprofile'),
          }
        : {}),
    },
  });
  cleanup.add('Convoy API', async () => {
    // a graceful stop can hang when Postgres went first (Ctrl-C reaches the whole process group)
    const code = await withTimeout(api.stop('SIGTERM'), 10_000, 'the API to exit').catch(() => api.stop('SIGKILL'));
    if (code !== 0 && api.process.signalCode === null) console.error(`[bench] the API exited with ${code}:\n${api.output().slice(-2000)}`);
  });
  if (api.process.pid === undefined) throw new Error('the API process has no pid');
  await waitUntil(() => double.webhookConfig?.url, 20_000, 'the bot to set its webhook');

  const login = await new ApiClient(api.baseUrl).post<LoginResponse>('/api/auth/login', TEST_ADMIN);
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const admin = new ApiClient(api.baseUrl).as(login.body.accessToken);

  if (setup.places > 0) await seedPlaces(api.baseUrl, login.body.accessToken, setup.places, setup.users.length);

  const stream = new FleetStream(setup.users, setup.firstUpdateId, double);
  const webhook = new WebhookClient(port, secret, 10);
  try {
    await mapLimit(setup.users, 10, async (user, i) => {
      const link = await admin.post<CreatedLinkResponse>('/api/links', { driverName: `${user.first_name} ${user.last_name}` });
      if (link.status !== 201 && link.status !== 200) throw new Error(`POST /api/links: ${link.status} ${JSON.stringify(link.body)}`);
      const { status } = await webhook.post(stream.startCommand(i, link.body.token).body);
      if (status !== 200) throw new Error(`/start through the webhook answered ${status}`);
    });
  } finally {
    webhook.close();
  }
  const drivers = await admin.get<DriverDto[]>('/api/drivers');
  if (drivers.status !== 200 || !Array.isArray(drivers.body)) throw new Error(`GET /api/drivers: ${drivers.status}`);
  const byTelegramUser = new Map(drivers.body.map((d) => [d.telegram?.userId, d.id]));
  const driverIds = setup.users.map((user) => {
    const id = byTelegramUser.get(user.id);
    if (!id) throw new Error(`Telegram user ${user.id} did not become a driver`);
    return id;
  });

  return {
    name: 'convoy',
    baseUrl: api.baseUrl,
    port,
    pid: api.process.pid,
    secret,
    dashboardToken: login.body.accessToken,
    databaseUrl: database.url,
    stream,
    driverIds,
  };
}

/**
 * `count` circles (radius 40–120 m) on a jittered grid over the area the simulated fleet drives in
 * (latitudes 48 … 48 + drivers × 0.002, longitudes around 11, see fleet.ts) and a margin around it,
 * so some drivers are inside a place at times: seeded through the import route, as a team would.
 */
async function seedPlaces(baseUrl: string, token: string, count: number, drivers: number): Promise<void> {
  const south = 47.99;
  const north = 48.01 + drivers * 0.002;
  const west = 10.97;
  const east = 11.05;
  const columns = Math.ceil(Math.sqrt((count * (east - west)) / (north - south)));
  const rows = Math.ceil(count / columns);
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const lines = ['name,lat,lon,radius_m,kind,note'];
  for (let i = 0; i < count; i++) {
    const lat = south + ((Math.floor(i / columns) + random()) * (north - south)) / rows;
    const lon = west + (((i % columns) + random()) * (east - west)) / columns;
    lines.push(`Bench place ${i + 1},${lat.toFixed(6)},${lon.toFixed(6)},${Math.round(40 + random() * 80)},customer,`);
  }
  const response = await fetch(`${baseUrl}/api/places/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: lines.join('\n'),
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`POST /api/places/import: ${response.status} ${await response.text()}`);
}
