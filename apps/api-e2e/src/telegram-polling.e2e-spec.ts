import type { CreatedLinkResponse, DriverDto } from '@convoy/contracts';
import {
  ApiClient,
  BotApiDouble,
  createTestDatabase,
  FakeTelegramClock,
  startApi,
  TelegramUpdateFactory,
  telegramUser,
  testPostgresServerUrl,
  TEST_ADMIN,
  type ApiProcess,
  type TestDatabase,
} from '@convoy/testing';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';

describe('long polling', () => {
  let bed: TelegramTestbed;

  beforeAll(async () => {
    bed = await startTelegramTestbed('polling', 'polling');
  });
  afterAll(() => bed?.close());

  it('rides out 409 Conflict and network errors with back-off, then carries on', async () => {
    bed.telegram.failNext('getUpdates', { error_code: 409, description: 'Conflict: terminated by other getUpdates request' });
    bed.telegram.setOffline(true); // connections reset, like a network outage
    await new Promise((r) => setTimeout(r, 1500));
    bed.telegram.setOffline(false);
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Patient driver' });
    const driver = telegramUser();
    const start = bed.telegram.pushUpdate(bed.updates.command(driver, '/start', link.body.token));
    await bed.telegram.waitForConfirmed(start, 15_000);
    const statuses = bed.telegram.callsTo('getUpdates').map((c) => c.status);
    expect(statuses).toContain(409);
    expect(statuses).toContain(0); // a reset connection
    expect(bed.api.output()).not.toMatch(/unhandled/i);
  });

  it("ends a live location on the server's clock when its period runs out, and asks the driver once to share again", async () => {
    const clock = new FakeTelegramClock(Math.floor(Date.now() / 1000) - 55);
    const updates = new TelegramUpdateFactory({ clock, messageIds: bed.telegram });
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Phone died' });
    const driver = telegramUser();
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(updates.command(driver, '/start', link.body.token)), 15_000);
    // shared for 60 s, 55 s ago: it expires in ~5 s and Telegram sends nothing when it does
    await bed.telegram.waitForConfirmed(
      bed.telegram.pushUpdate(updates.liveLocationStart(driver, { latitude: 50, longitude: 14, live_period: 60 })),
      15_000,
    );
    const id = (await bed.admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.name === 'Phone died')?.id;
    const reminder = await bed.telegram.waitForCall(
      'sendMessage',
      (c) => c.params['chat_id'] === driver.id && String(c.params['text']).includes('no longer shared'),
      40_000,
    );
    expect(reminder).toBeDefined();
    expect((await bed.admin.get<DriverDto>(`/api/drivers/${id}`)).body.status).toBe('sharing-ended');
  }, 60_000);
});

describe('exactly one instance polls', () => {
  let database: TestDatabase;
  let telegram: BotApiDouble;
  let first: ApiProcess;
  let second: ApiProcess;

  beforeAll(async () => {
    database = await createTestDatabase(testPostgresServerUrl(), 'poll_leader');
    telegram = new BotApiDouble();
    await telegram.start();
    const env = {
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_BOT_USERNAME: telegram.botInfo.username,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    };
    first = await startApi({ databaseUrl: database.url, env });
    await telegram.waitForCall('getUpdates', undefined, 15_000);
    second = await startApi({ databaseUrl: database.url, env });
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await telegram?.stop();
    await database?.drop();
  });

  it('lets the second instance take over when the polling one goes away', async () => {
    const ready = async (api: ApiProcess) =>
      (await (await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password)).get<{
        details: Record<string, { pollingLeader?: boolean }>;
      }>('/health/ready')).body.details['bot'];
    expect(await ready(first)).toMatchObject({ mode: 'polling', pollingLeader: true });
    expect(await ready(second)).toMatchObject({ mode: 'polling', pollingLeader: false });

    await first.stop('SIGTERM');
    const updates = new TelegramUpdateFactory({ messageIds: telegram });
    const someone = telegramUser();
    const hello = telegram.pushUpdate(updates.command(someone, '/help'));
    await telegram.waitForConfirmed(hello, 20_000);
    expect(await ready(second)).toMatchObject({ pollingLeader: true });
  }, 40_000);
});
