import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiClient,
  BotApiDouble,
  createTestDatabase,
  freePort,
  startApi,
  TelegramUpdateFactory,
  type ApiProcess,
} from '@convoy/testing';
import { completeFirstSignIn } from './first-sign-in';
import { ADMIN, TILE_URL } from './e2e-env';

/** The built API with its Telegram bot pointed at the Bot API double (webhook mode), for fleet specs. */
export interface FleetApi {
  baseUrl: string;
  telegram: BotApiDouble;
  updates: TelegramUpdateFactory;
  /** The admin, signed in through the API (bearer token). */
  admin: ApiClient;
  api: ApiProcess;
  /** Its database, for specs that must write what no route writes yet; null on the embedded Postgres (no DATABASE_URL). */
  databaseUrl: string | null;
  stop(): Promise<void>;
}

/**
 * The global-setup API runs without a bot; these specs need one. Same database choice as global-setup:
 * a fresh database on $DATABASE_URL's server when set, else an embedded Postgres in a temp DATA_DIR.
 * AUTO_TRACK_INTERVAL=0: every Telegram update is stored as history.
 */
export async function startFleetApi(): Promise<FleetApi> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.warn(`[fleet-api] ${String(error)}`));
  };
  try {
    const telegram = new BotApiDouble();
    await telegram.start();
    cleanups.push(() => telegram.stop());

    const storage: Record<string, string | undefined> = {};
    if (process.env['DATABASE_URL']) {
      const database = await createTestDatabase(process.env['DATABASE_URL'], 'dashboard_fleet');
      cleanups.push(() => database.drop());
      storage['DATABASE_URL'] = database.url;
    } else {
      // embedded Postgres runs as user `postgres` when we are root: that user must reach the directory
      const dataDir = await mkdtemp(join(tmpdir(), 'convoy-dashboard-fleet-'));
      await chmod(dataDir, 0o755);
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      storage['DATA_DIR'] = dataDir;
    }

    const port = await freePort();
    const api = await startApi({
      databaseUrl: storage['DATABASE_URL'],
      port,
      env: {
        ...storage,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.initialPassword,
        LOGIN_RATE_LIMIT: '1000', // every test signs in from this one address
        LOGIN_ACCOUNT_RATE_LIMIT: '1000', // … as the same admin
        TILE_URL,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_BOT_USERNAME: telegram.botInfo.username,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
        AUTO_TRACK_INTERVAL: '0',
      },
    });
    cleanups.push(() => api.stop()); // stopped first (cleanups run in reverse)
    await completeFirstSignIn(api.baseUrl);
    await telegram.waitForCall('setWebhook', undefined, 20_000);
    const admin = await new ApiClient(api.baseUrl).login(ADMIN.email, ADMIN.password);
    return {
      baseUrl: api.baseUrl,
      telegram,
      updates: new TelegramUpdateFactory({ messageIds: telegram }),
      admin,
      api,
      databaseUrl: storage['DATABASE_URL'] ?? null,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
