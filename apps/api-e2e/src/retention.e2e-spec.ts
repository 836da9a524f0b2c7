import type { CreatedLinkResponse, DriverDto, LinkDto } from '@convoy/contracts';
import { ApiClient, createTestDatabase, startApi, testPostgresServerUrl, TEST_ADMIN, type ApiProcess, type TestDatabase } from '@convoy/testing';
import { Client } from 'pg';
import { queryDatabase } from './support/database-rows';
import { ADVISORY_LOCK_KEYS } from '@convoy/server/database';

const RETENTION_DAYS = 30;
const DAY = 86_400_000;
/** The personal-data retention job's advisory lock key. */
const PERSONAL_DATA_LOCK = ADVISORY_LOCK_KEYS.personalDataRetention;

async function waitForOutput(api: ApiProcess, text: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = api.output().split('\n').find((l) => l.includes(text));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`"${text}" never appeared in the API output:\n${api.output()}`);
}

describe(`retention ages out personal data older than RETENTION_DAYS (${RETENTION_DAYS})`, () => {
  let database: TestDatabase;
  let api: ApiProcess | null = null;
  const env = { RETENTION_DAYS: String(RETENTION_DAYS), LOG_LEVEL: 'log' };

  beforeAll(async () => {
    database = await createTestDatabase(testPostgresServerUrl(), 'retention');
  });
  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it('forgets quiet drivers’ Telegram identities and deletes finished links at start and daily; a skipped run is logged', async () => {
    api = await startApi({ databaseUrl: database.url, env });
    const admin = await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    const link = async (driverName: string) => (await admin.post<CreatedLinkResponse>('/api/links', { driverName, note: 'note' })).body.id;
    const links = {
      quietRedeemed: await link('Quiet'),
      activeRedeemed: await link('Active'),
      pending: await link('Pending'),
      expiredLongAgo: await link('Expired'),
      revokedLongAgo: await link('Revoked'),
      expiredRecently: await link('Expired recently'),
    };
    const old = (days: number) => new Date(Date.now() - days * DAY);
    const [quiet] = await queryDatabase<{ id: string }>(
      database.url,
      `INSERT INTO drivers (name, telegram_user_id, telegram_chat_id, telegram_username, telegram_first_name, language_code, created_at, last_recorded_at, last_latitude, last_longitude)
       VALUES ('Quiet', 7001, 7001, 'quiet_one', 'Quinn', 'en', $1, $2, 50, 14) RETURNING id`,
      [old(60), old(RETENTION_DAYS + 5)],
    );
    const [active] = await queryDatabase<{ id: string }>(
      database.url,
      `INSERT INTO drivers (name, telegram_user_id, telegram_chat_id, telegram_username, created_at, last_recorded_at, last_latitude, last_longitude)
       VALUES ('Active', 7002, 7002, 'active_one', $1, $2, 50, 14) RETURNING id`,
      [old(60), old(1)],
    );
    await queryDatabase(database.url, `INSERT INTO positions (driver_id, latitude, longitude, recorded_at, source) VALUES ($1, 50, 14, $2, 'telegram-live'), ($3, 50, 14, $4, 'telegram-live')`, [
      quiet.id, old(RETENTION_DAYS + 5), active.id, old(1),
    ]);
    await queryDatabase(database.url, `UPDATE links SET redeemed_at = $2, redeemed_by_driver_id = $3, created_at = $2 WHERE id = $1`, [links.quietRedeemed, old(RETENTION_DAYS + 10), quiet.id]);
    await queryDatabase(database.url, `UPDATE links SET redeemed_at = $2, redeemed_by_driver_id = $3 WHERE id = $1`, [links.activeRedeemed, old(2), active.id]);
    await queryDatabase(database.url, `UPDATE links SET created_at = $2, expires_at = $3 WHERE id = $1`, [links.expiredLongAgo, old(RETENTION_DAYS + 4), old(RETENTION_DAYS + 1)]);
    await queryDatabase(database.url, `UPDATE links SET created_at = $2, revoked_at = $2 WHERE id = $1`, [links.revokedLongAgo, old(RETENTION_DAYS + 2)]);
    await queryDatabase(database.url, `UPDATE links SET created_at = $2, expires_at = $3 WHERE id = $1`, [links.expiredRecently, old(5), old(2)]);

    // another replica holds the job's lock: this start skips the run and says so
    await api.stop();
    const otherReplica = new Client({ connectionString: database.url });
    await otherReplica.connect();
    try {
      await otherReplica.query(`SELECT pg_advisory_lock(${PERSONAL_DATA_LOCK})`);
      api = await startApi({ databaseUrl: database.url, env });
      await waitForOutput(api, 'Personal data retention skipped: another instance is running it');
      await waitForOutput(api, 'Purged 1 positions'); // the positions purge has a lock of its own
      expect((await queryDatabase(database.url, `SELECT telegram_user_id FROM drivers WHERE id = $1`, [quiet.id]))[0].telegram_user_id).toBe('7001');
    } finally {
      await otherReplica.end(); // its session ends: the lock is gone
    }

    // the next start (as the daily run) ages the data out
    await api.stop();
    // the event stream too: dispatched events older than RETENTION_DAYS go, recent ones stay
    await queryDatabase(
      database.url,
      `INSERT INTO events (type, occurred_at, driver_id, data, dispatched_at)
       VALUES ('driver.went_quiet', $1, $3, '{"old":true}', $1), ('driver.back', $2, $3, '{"old":false}', $2)`,
      [old(RETENTION_DAYS + 1), old(1), quiet.id],
    );
    api = await startApi({ databaseUrl: database.url, env });
    await waitForOutput(api, 'Purged 1 events');
    const summary = await waitForOutput(api, 'Retention (30 days');
    expect(summary).toContain('forgot 1 Telegram identities of quiet drivers, deleted 3 finished links');

    const client = await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    const drivers = (await client.get<DriverDto[]>('/api/drivers')).body;
    expect(drivers.find((d) => d.id === quiet.id)).toMatchObject({ name: 'Quiet', telegram: null });
    expect(drivers.find((d) => d.id === active.id)).toMatchObject({ telegram: { userId: 7002, username: 'active_one' } });
    const [quietRow] = await queryDatabase(database.url, `SELECT telegram_chat_id, telegram_username, telegram_first_name, language_code FROM drivers WHERE id = $1`, [quiet.id]);
    expect(quietRow).toEqual({ telegram_chat_id: null, telegram_username: null, telegram_first_name: null, language_code: null });

    const remaining = (await client.get<LinkDto[]>('/api/links')).body.map((l) => l.id).sort();
    expect(remaining).toEqual([links.activeRedeemed, links.pending, links.expiredRecently].sort());
    expect(await queryDatabase(database.url, `SELECT driver_id FROM positions`)).toEqual([{ driver_id: active.id }]);
    expect(await queryDatabase(database.url, `SELECT type FROM events WHERE driver_id = $1`, [quiet.id])).toEqual([{ type: 'driver.back' }]);
  });
  it('deletes messages and finished webhook deliveries older than RETENTION_DAYS, keeping what is still owed and the unread count true', async () => {
    await api?.stop();
    const old = (days: number) => new Date(Date.now() - days * DAY);
    const [driver] = await queryDatabase<{ id: string }>(database.url, `INSERT INTO drivers (name, unread_messages) VALUES ('Chatty', 2) RETURNING id`);
    await queryDatabase(
      database.url,
      `INSERT INTO messages (driver_id, direction, channel, text, status, created_at, read_at, next_attempt_at) VALUES
         ($1, 'from-driver', 'telegram', 'old and read', 'received', $2, $2, NULL),
         ($1, 'from-driver', 'telegram', 'old and never read', 'received', $2, NULL, NULL),
         ($1, 'to-driver', 'telegram', 'old, delivered', 'delivered', $2, NULL, NULL),
         ($1, 'to-driver', 'telegram', 'old, still being retried', 'sent', $2, NULL, now()),
         ($1, 'from-driver', 'telegram', 'recent and never read', 'received', $3, NULL, NULL)`,
      [driver.id, old(RETENTION_DAYS + 2), old(1)],
    );
    const [webhook] = await queryDatabase<{ id: string }>(
      database.url,
      `INSERT INTO webhooks (url, events, secret_sealed) VALUES ('https://example.com/hook', '{driver.arrived}', 'sealed') RETURNING id`,
    );
    await queryDatabase(
      database.url,
      `INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, status, created_at, next_attempt_at) VALUES
         ($1, gen_random_uuid(), 'driver.arrived', 'delivered', $2, NULL),
         ($1, gen_random_uuid(), 'driver.arrived', 'failed', $2, NULL),
         ($1, gen_random_uuid(), 'driver.arrived', 'pending', $2, now() + interval '1 hour'),
         ($1, gen_random_uuid(), 'driver.arrived', 'delivered', $3, NULL)`,
      [webhook.id, old(RETENTION_DAYS + 2), old(1)],
    );

    api = await startApi({ databaseUrl: database.url, env });
    expect(await waitForOutput(api, 'Messages retention (30 days)')).toContain('deleted 3 messages');
    expect(await waitForOutput(api, 'Webhook deliveries retention (30 days)')).toContain('deleted 2 finished deliveries');
    const texts = await queryDatabase<{ text: string }>(database.url, `SELECT text FROM messages WHERE driver_id = $1 ORDER BY text`, [driver.id]);
    expect(texts.map((m) => m.text)).toEqual(['old, still being retried', 'recent and never read']);
    const statuses = await queryDatabase<{ status: string }>(database.url, `SELECT status FROM webhook_deliveries ORDER BY status`);
    expect(statuses.map((d) => d.status)).toEqual(['delivered', 'pending']);
    const client = await new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await client.get<DriverDto>(`/api/drivers/${driver.id}`)).body.unreadMessages).toBe(1);
  });
});
