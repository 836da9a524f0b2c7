import { LIVE_FEEDS, type AlertRuleDto, type MyTelegramDto, type NewConvoyEvent, type NotificationDto, type NotificationListDto, type TelegramLinkDto } from '@convoy/contracts';
import { appendEvents } from '@convoy/server/events';
import { ApiClient, connectLive, startApi, telegramUser, TEST_ADMIN, withClient, type ApiProcess, type LiveRecorder } from '@convoy/testing';
import { queryDatabase } from './support/database-rows';
import { startSmtpReceiver, type SmtpReceiver } from './support/smtp-receiver';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';

/**
 * Alerts for people (issue #10). The producers of events (visits, driver lifecycle) are other work:
 * here the test stands in for one and appends events to the real outbox in its own transaction
 * (`appendEvents`), as the group commit does; from there on everything is the built API.
 */

const DEPOT = { id: '5d6e7f8a-9b0c-4c1e-9b2a-3f1c2b9e7a4d', name: 'Depot North', kind: 'depot' as const };

function arrival(driverName: string, at = new Date()): NewConvoyEvent {
  const driverId = '7a4d4c1e-9b2a-4d6e-8f8a-9b0c3f1c2b9e';
  return {
    type: 'visit.arrived',
    occurredAt: at,
    driverId,
    data: {
      driver: { id: driverId, name: driverName },
      place: DEPOT,
      visitId: '1e9b2a5d-6e7f-4a9b-8c3f-1c2b9e7a4d4c',
      arrivedAt: at.toISOString(),
      position: { lat: 52.52, lon: 13.405 },
    },
  };
}

/** The stand-in producer: events committed in one transaction of its own. */
async function produce(databaseUrl: string, events: NewConvoyEvent[]): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query('BEGIN');
    await appendEvents(client, events);
    await client.query('COMMIT');
  });
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const notificationsOf = (live: LiveRecorder) => {
  const received: NotificationDto[] = [];
  live.socket.on('notifications', (batch) => received.push(...batch));
  return received;
};

describe('alerts for people', () => {
  let bed: TelegramTestbed;
  let smtp: SmtpReceiver;
  let env: Record<string, string>;
  let dispatcher: ApiClient;
  let dispatcherToken: string;
  let viewerToken: string;
  const adminTelegram = telegramUser({ first_name: 'Anna', language_code: 'de' });

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'Convoy <alerts@convoy.test>' };
    bed = await startTelegramTestbed('alerts', 'polling', env);
    for (const [email, role] of [
      ['dispatch@convoy.test', 'dispatcher'],
      ['viewer@convoy.test', 'viewer'],
    ]) {
      expect((await bed.admin.post('/api/users', { email, password: 'a-password-for-tests', role })).status).toBe(201);
    }
    const login = async (email: string) =>
      (await new ApiClient(bed.api.baseUrl).post<{ accessToken: string }>('/api/auth/login', { email, password: 'a-password-for-tests' })).body.accessToken;
    dispatcherToken = await login('dispatch@convoy.test');
    viewerToken = await login('viewer@convoy.test');
    dispatcher = new ApiClient(bed.api.baseUrl, dispatcherToken);
  }, 90_000);

  afterAll(async () => {
    await bed?.close();
    await smtp?.close();
  });

  it('installs default rules for admins and dispatchers, and validates new ones', async () => {
    const rules = await new ApiClient(bed.api.baseUrl, viewerToken).get<AlertRuleDto[]>('/api/alert-rules');
    expect(rules.status).toBe(200);
    expect(rules.body.map((rule) => rule.name).sort()).toEqual(['Arrivals and departures at depots', 'Driver went quiet', 'Sharing ended']);
    expect(rules.body.find((rule) => rule.name.startsWith('Arrivals'))).toMatchObject({ events: ['visit.arrived', 'visit.departed'], placeKinds: ['depot'], recipientRoles: ['admin', 'dispatcher'] });
    // a viewer reads, never writes
    expect((await new ApiClient(bed.api.baseUrl, viewerToken).post('/api/alert-rules', {})).status).toBe(403);
    const bad = await dispatcher.post<{ code: string; message: string[] }>('/api/alert-rules', {
      name: 'Bad',
      events: ['visit.arrived'],
      recipientUserIds: ['00000000-0000-4000-8000-000000000000'],
      channels: ['email'],
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' },
    });
    expect(bad.status).toBe(400);
    const unknownUser = await dispatcher.post<{ code: string; message: string[] }>('/api/alert-rules', {
      name: 'Bad',
      events: ['visit.arrived'],
      recipientUserIds: ['00000000-0000-4000-8000-000000000000'],
      channels: ['email'],
    });
    expect(unknownUser.body).toMatchObject({ code: 'ALERT_RULE_INVALID', message: [expect.stringContaining('unknown recipientUserIds')] });
  });

  it('links a manager\'s own Telegram chat with a one-time code, creating no driver', async () => {
    const link = await bed.admin.post<TelegramLinkDto>('/api/me/telegram-link');
    expect(link.status).toBe(201);
    const code = new URL(link.body.url).searchParams.get('start')!;
    expect(link.body.url).toMatch(new RegExp(`^https://t\\.me/${bed.telegram.botInfo.username}\\?start=u_[A-Za-z0-9_-]{43}$`));
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(adminTelegram, '/start', code)));
    await until(async () => bed.telegram.sentMessages(adminTelegram.id).map((m) => ('text' in m ? m.text : '')), (t) => t.length > 0, 'the link reply');
    expect(bed.telegram.sentMessages(adminTelegram.id).at(-1)).toMatchObject({ text: expect.stringContaining(`Meldungen für ${TEST_ADMIN.email}`) });
    expect((await bed.admin.get<MyTelegramDto>('/api/me/telegram')).body).toMatchObject({ linked: true, firstName: 'Anna', mutedUntil: null });
    expect((await bed.admin.get<unknown[]>('/api/drivers')).body).toEqual([]);
    // single use
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(adminTelegram, '/start', code)));
    await until(async () => bed.telegram.sentMessages(adminTelegram.id).length, (n) => n === 2, 'the reused-link reply');
    expect(bed.telegram.sentMessages(adminTelegram.id).at(-1)).toMatchObject({ text: expect.stringContaining('schon benutzt') });
    // /mute 2h in the chat shows on the account page; /unmute lifts it
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(adminTelegram, '/mute', '2h')));
    const muted = await until(async () => (await bed.admin.get<MyTelegramDto>('/api/me/telegram')).body, (me) => me.mutedUntil !== null, 'the mute');
    expect(Date.parse(muted.mutedUntil!) - Date.now()).toBeGreaterThan(119 * 60_000);
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(adminTelegram, '/unmute')));
    await until(async () => (await bed.admin.get<MyTelegramDto>('/api/me/telegram')).body, (me) => me.mutedUntil === null, 'the unmute');
  });

  it('turns one arrival into one inbox entry per recipient (live on their own sockets), one Telegram message and one email', async () => {
    // the admin also wants arrivals at depots by email
    const rule = await bed.admin.post<AlertRuleDto>('/api/alert-rules', {
      name: 'Depot arrivals by email',
      events: ['visit.arrived'],
      placeKinds: ['depot'],
      recipientRoles: ['admin'],
      channels: ['email'],
    });
    expect(rule.status).toBe(201);
    const adminToken = bed.adminToken;
    // the dispatcher's socket is the dashboard bell's (the notifications feed only)
    const [adminLive, dispatcherLive, viewerLive] = await Promise.all([
      connectLive(bed.api.baseUrl, adminToken),
      connectLive(bed.api.baseUrl, dispatcherToken, { feed: LIVE_FEEDS.notifications }),
      connectLive(bed.api.baseUrl, viewerToken),
    ]);
    const [toAdmin, toDispatcher, toViewer] = [adminLive, dispatcherLive, viewerLive].map(notificationsOf);
    try {
      await produce(bed.database.url, [arrival('Aziz', new Date('2026-12-01T08:31:00Z'))]);

      await adminLive.waitFor(() => toAdmin.length > 0, 'the admin\'s notification');
      await dispatcherLive.waitFor(() => toDispatcher.length > 0, 'the dispatcher\'s notification');
      expect(toAdmin).toEqual([expect.objectContaining({ type: 'visit.arrived', title: 'Aziz arrived at Depot North', body: '08:31', placeId: DEPOT.id })]);
      expect(toDispatcher).toEqual([expect.objectContaining({ title: 'Aziz arrived at Depot North' })]);

      const telegramAlerts = () => bed.telegram.sentMessages(adminTelegram.id).filter((m) => 'text' in m && m.text.includes('Aziz'));
      await until(async () => telegramAlerts().length, (n) => n === 1, 'the Telegram alert');
      expect(telegramAlerts()[0]).toMatchObject({ text: 'Aziz ist bei Depot North angekommen\n08:31' });
      const mails = await until(async () => smtp.mails, (m) => m.length === 1, 'the email');
      expect(mails[0].to).toEqual([TEST_ADMIN.email]);
      expect(mails[0].raw).toContain('Subject: Aziz arrived at Depot North');

      const inbox = await dispatcher.get<NotificationListDto>('/api/notifications?unread=true');
      expect(inbox.body).toMatchObject({ unread: 1, notifications: [{ title: 'Aziz arrived at Depot North' }] });
      const read = await dispatcher.post<NotificationDto>(`/api/notifications/${inbox.body.notifications[0].id}/read`);
      expect(read.body.readAt).not.toBeNull();
      expect((await dispatcher.get<NotificationListDto>('/api/notifications')).body.unread).toBe(0);
      // nobody reads another user's entries
      expect((await bed.admin.post(`/api/notifications/${inbox.body.notifications[0].id}/read`)).status).toBe(404);

      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(toViewer).toEqual([]);
      expect(toAdmin).toHaveLength(1);
      expect(telegramAlerts()).toHaveLength(1);
      expect(smtp.mails).toHaveLength(1);
    } finally {
      for (const live of [adminLive, dispatcherLive, viewerLive]) live.close();
      await bed.admin.delete(`/api/alert-rules/${rule.body.id}`);
    }
  });

  it('delivers alerts left pending by a SIGKILL after the restart, none twice, with two replicas (sockets through Redis)', async () => {
    const redisUrl = process.env['REDIS_URL'] ?? process.env['TEST_REDIS_URL'];
    if (!redisUrl) throw new Error('This test needs Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379); .ci/run does when one answers.');
    const telegramAlerts = (name: string) => bed.telegram.sentMessages(adminTelegram.id).filter((m) => 'text' in m && m.text.startsWith(name));
    bed.telegram.setOffline(true);
    await produce(bed.database.url, [arrival('Bea')]);
    // the job exists and its first attempt failed: it waits for its retry when the API dies
    await until(
      () => queryDatabase<{ status: string; attempts: number }>(bed.database.url, `SELECT status, attempts FROM notification_deliveries WHERE channel = 'telegram' AND text LIKE 'Bea%'`),
      (rows) => rows.length === 1 && rows[0].status === 'pending' && rows[0].attempts >= 1,
      'a failed first attempt',
    );
    bed.api.process.kill('SIGKILL');
    await bed.api.exited;
    bed.telegram.setOffline(false);

    const replicaEnv = {
      ...env,
      TELEGRAM_BOT_TOKEN: bed.telegram.token,
      TELEGRAM_BOT_USERNAME: bed.telegram.botInfo.username,
      TELEGRAM_API_ROOT: bed.telegram.apiRoot,
      AUTO_TRACK_INTERVAL: '0',
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `alerts-${bed.database.name}`,
    };
    const replicas: ApiProcess[] = await Promise.all([0, 1].map(() => startApi({ databaseUrl: bed.database.url, env: replicaEnv })));
    try {
      await until(async () => telegramAlerts('Bea').length, (n) => n === 1, 'the pending alert after the restart', 20_000);
      // the dispatcher's dashboard open on each replica: whichever replica fans out, both sockets hear it
      const lives = await Promise.all(replicas.map((replica) => connectLive(replica.baseUrl, dispatcherToken)));
      const heard = lives.map(notificationsOf);
      // both replicas dispatch and deliver: still one inbox entry and one message per alert and person
      await produce(
        bed.database.url,
        Array.from({ length: 10 }, (_, i) => arrival(`Cem ${i}`)),
      );
      await until(async () => telegramAlerts('Cem').length, (n) => n === 10, 'ten alerts through two replicas', 20_000);
      await until(async () => heard.map((h) => h.length), (counts) => counts.every((n) => n === 10), 'both sockets hearing ten notifications');
      for (const live of lives) live.close();
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(telegramAlerts('Bea')).toHaveLength(1);
      expect(telegramAlerts('Cem')).toHaveLength(10);
      const perUser = await queryDatabase<{ count: number }>(
        bed.database.url,
        `SELECT count(*)::int AS count FROM notifications WHERE title LIKE 'Cem%' GROUP BY user_id ORDER BY user_id`,
      );
      expect(perUser.map((row) => row.count)).toEqual([10, 10]);
      const jobs = await queryDatabase<{ status: string; count: number }>(
        bed.database.url,
        `SELECT status, count(*)::int AS count FROM notification_deliveries WHERE channel = 'telegram' GROUP BY status`,
      );
      expect(jobs).toEqual([{ status: 'sent', count: 12 }]);
      // unlinking from the account page stops Telegram alerts
      const admin = new ApiClient(replicas[0].baseUrl, bed.adminToken);
      expect((await admin.delete('/api/me/telegram')).status).toBe(204);
      expect((await admin.get<MyTelegramDto>('/api/me/telegram')).body).toMatchObject({ linked: false, available: true });
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
    }
  }, 90_000);
});
