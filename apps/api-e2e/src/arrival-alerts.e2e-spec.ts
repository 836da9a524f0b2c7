import type { CreatedLinkResponse, CreatedWebhookDto, JoinResponse, NotificationDto, PlaceDto, TelegramLinkDto, WebhookPayload } from '@convoy/contracts';
import { ApiClient, connectLive, telegramUser, TEST_ADMIN } from '@convoy/testing';
import { Webhook } from 'standardwebhooks';
import { startSmtpReceiver, type SmtpReceiver } from './support/smtp-receiver';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * Issue #10's whole chain with no stand-in: a GPS-app driver reaches a depot through the real ingest
 * path; the visit detected in the group commit is an event in the outbox; the dispatcher turns it
 * into one dashboard notification, one Telegram alert in the admin's own chat, one email and one
 * signed webhook delivery.
 */
const DEPOT = { lat: 52.52, lon: 13.405 };
const M_LAT = 1 / 111_320;

async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('an arrival at a depot, heard by everyone who asked', () => {
  let bed: TelegramTestbed;
  let smtp: SmtpReceiver;
  const receiver = new WebhookReceiver();
  const adminTelegram = telegramUser({ first_name: 'Anna', language_code: 'en' });

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    await receiver.start();
    bed = await startTelegramTestbed('arrival-alerts', 'polling', {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'Convoy <alerts@convoy.test>',
      WEBHOOK_ALLOW_PRIVATE: '1',
    });
  }, 90_000);

  afterAll(async () => {
    await bed?.close();
    await smtp?.close();
    await receiver.stop();
  });

  it('turns one real arrival into one notification, one Telegram alert, one email and one verified webhook', async () => {
    const admin = bed.admin;
    // the admin links their own chat; the default rule sends depot arrivals to the dashboard and Telegram
    const link = await admin.post<TelegramLinkDto>('/api/me/telegram-link');
    const code = new URL(link.body.url).searchParams.get('start') ?? '';
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(adminTelegram, '/start', code)));
    await until(() => bed.telegram.sentMessages(adminTelegram.id).length, (n) => n === 1, 'the link confirmation');
    // …and wants them by email too; an integrator subscribes to arrivals
    const rule = await admin.post('/api/alert-rules', { name: 'Depot arrivals by email', events: ['visit.arrived'], placeKinds: ['depot'], recipientRoles: ['admin'], channels: ['email'] });
    expect(rule.status).toBe(201);
    const hook = await admin.post<CreatedWebhookDto>('/api/webhooks', { url: receiver.url('/convoy'), events: ['visit.arrived'] });
    expect(hook.status).toBe(201);
    const depot = await admin.post<PlaceDto>('/api/places', { name: 'Depot North', kind: 'depot', center: DEPOT, radiusM: 150 });
    expect(depot.status).toBe(201);

    const driverLink = (await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Aziz' })).body;
    const joined = (await new ApiClient(bed.api.baseUrl).post<JoinResponse>(`/api/join/${driverLink.token}`, { channel: 'app' })).body;
    const live = await connectLive(bed.api.baseUrl, bed.adminToken);
    const toasts: NotificationDto[] = [];
    live.socket.on('notifications', (batch) => toasts.push(...batch));
    try {
      // two kilometres out, then at the depot's gate, then inside
      const start = Math.floor(Date.now() / 1000) - 600;
      const points = [
        { t: start, lat: DEPOT.lat + 2000 * M_LAT },
        { t: start + 120, lat: DEPOT.lat + 60 * M_LAT },
        { t: start + 180, lat: DEPOT.lat + 10 * M_LAT },
      ];
      for (const point of points) {
        const url = `${bed.api.baseUrl}/ingest/osmand?id=${encodeURIComponent(joined.deviceKey)}&timestamp=${point.t}&lat=${point.lat}&lon=${DEPOT.lon}&accuracy=8`;
        expect((await fetch(url, { method: 'POST' })).status).toBe(200);
      }

      await live.waitFor(() => toasts.length > 0, 'the dashboard notification');
      expect(toasts).toEqual([expect.objectContaining({ type: 'visit.arrived', title: 'Aziz arrived at Depot North', driverId: joined.driverId, placeId: depot.body.id })]);

      const alerts = () => bed.telegram.sentMessages(adminTelegram.id).filter((m) => 'text' in m && m.text.includes('Aziz'));
      await until(() => alerts().length, (n) => n === 1, 'the Telegram alert');
      expect(alerts()[0]).toMatchObject({ text: expect.stringContaining('Aziz arrived at Depot North') });

      const mails = await until(() => smtp.mails, (m) => m.length === 1, 'the email');
      expect(mails[0].to).toEqual([TEST_ADMIN.email]);
      expect(mails[0].raw).toContain('Subject: Aziz arrived at Depot North');

      const [delivery] = await until(() => receiver.on('/convoy'), (r) => r.length === 1, 'the webhook delivery');
      const payload = new Webhook(hook.body.secret).verify(delivery.body, delivery.headers) as WebhookPayload;
      expect(payload).toMatchObject({ type: 'visit.arrived', data: { driver: { name: 'Aziz' }, place: { id: depot.body.id, name: 'Depot North' } } });

      // and nothing twice
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(toasts).toHaveLength(1);
      expect(alerts()).toHaveLength(1);
      expect(smtp.mails).toHaveLength(1);
      expect(receiver.on('/convoy')).toHaveLength(1);
    } finally {
      live.socket.disconnect();
    }
  });
});
