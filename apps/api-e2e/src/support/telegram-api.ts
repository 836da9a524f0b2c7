import {
  ApiClient,
  BotApiDouble,
  createTestDatabase,
  freePort,
  startApi,
  TelegramUpdateFactory,
  testPostgresServerUrl,
  TEST_ADMIN,
  type ApiProcess,
  type BotApiDoubleOptions,
  type TestDatabase,
} from '@convoy/testing';

export type BotMode = 'webhook' | 'polling';

export interface TelegramTestbed {
  api: ApiProcess;
  database: TestDatabase;
  telegram: BotApiDouble;
  updates: TelegramUpdateFactory;
  admin: ApiClient;
  adminToken: string;
  close(): Promise<void>;
}

/**
 * The built API with its bot pointed at the Bot API double, in webhook or polling mode, on a fresh
 * database (or on `database`, shared with another instance: give each its own `firstUpdateId`);
 * AUTO_TRACK_INTERVAL=0 so every update is history unless a test says otherwise.
 */
export async function startTelegramTestbed(
  label: string,
  mode: BotMode,
  env: Record<string, string | undefined> = {},
  database?: TestDatabase,
  telegramOptions: BotApiDoubleOptions = {},
): Promise<TelegramTestbed> {
  const telegram = new BotApiDouble(telegramOptions);
  await telegram.start();
  const db = database ?? (await createTestDatabase(testPostgresServerUrl(), label));
  const port = await freePort();
  const api = await startApi({
    databaseUrl: db.url,
    port,
    env: {
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_BOT_USERNAME: telegram.botInfo.username,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: mode === 'webhook' ? `http://127.0.0.1:${port}/telegram/webhook` : undefined,
      AUTO_TRACK_INTERVAL: '0',
      ...env,
    },
  });
  if (mode === 'webhook') await telegram.waitForCall('setWebhook', undefined, 15_000);
  else await telegram.waitForCall('getUpdates', undefined, 15_000);
  const login = await new ApiClient(api.baseUrl).post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN);
  return {
    api,
    database: db,
    telegram,
    updates: new TelegramUpdateFactory({ messageIds: telegram }),
    admin: new ApiClient(api.baseUrl, login.body.accessToken),
    adminToken: login.body.accessToken,
    close: async () => {
      await api.stop();
      await telegram.stop();
      if (!database) await db.drop();
    },
  };
}
