import { connect } from 'node:net';
import type { CreatedLinkResponse, DriverDto } from '@convoy/contracts';
import { telegramUser, type TelegramUserFixture } from '@convoy/testing';
import type { Update } from 'telegraf/types';
import { positionRows } from './support/positions-in-db';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';

describe('the webhook and the bot under bad input', () => {
  let bed: TelegramTestbed;
  let driver: TelegramUserFixture;
  let driverId: string;

  const repliesTo = (chatId: number) => bed.telegram.sentMessages(chatId).map((m) => ('text' in m ? m.text : ''));
  const rows = () => positionRows(bed.database.url, driverId);

  beforeAll(async () => {
    bed = await startTelegramTestbed('bad_input', 'webhook', { LOG_LEVEL: 'log' });
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Careful driver' });
    driver = telegramUser();
    const start = bed.telegram.pushUpdate(bed.updates.command(driver, '/start', link.body.token));
    await bed.telegram.waitForDelivered(start);
    driverId = (await bed.admin.get<DriverDto[]>('/api/drivers')).body[0].id;
  });
  afterAll(() => bed?.close());

  it('answers 403 to a wrong or missing secret header and stores nothing', async () => {
    const update = { ...bed.updates.location(driver, { latitude: 50, longitude: 14 }), update_id: 900001 };
    const wrong = await bed.telegram.deliverRaw(JSON.stringify(update), { 'x-telegram-bot-api-secret-token': 'not-the-secret' });
    const missing = await bed.telegram.deliverRaw(JSON.stringify(update), {}, { withSecret: false });
    expect([wrong.status, missing.status]).toEqual([403, 403]);
    expect(await rows()).toEqual([]);
  });

  it('answers 4xx to unparsable, non-update and oversized bodies', async () => {
    expect((await bed.telegram.deliverRaw('{"update_id": 1, "message": ')).status).toBe(400);
    expect((await bed.telegram.deliverRaw(JSON.stringify({ hello: 'world' }))).status).toBe(400);
    expect((await bed.telegram.deliverRaw(JSON.stringify([1, 2, 3]))).status).toBe(400);
    const huge = JSON.stringify({ update_id: 5, message: { text: 'x'.repeat(2 * 1024 * 1024) } });
    expect((await bed.telegram.deliverRaw(huge)).status).toBe(413);
    expect((await bed.admin.get('/health')).status).toBe(200);
  });

  it('limits the webhook body to 64 KiB (the rest of the API keeps 1 MiB)', async () => {
    const sized = (bytes: number) => {
      const shell = JSON.stringify({ update_id: 900010, message: { text: '' } });
      return JSON.stringify({ update_id: 900010, message: { text: 'x'.repeat(bytes - shell.length) } });
    };
    expect(Buffer.byteLength(sized(64 * 1024 + 1))).toBe(64 * 1024 + 1);
    expect((await bed.telegram.deliverRaw(sized(64 * 1024 + 1))).status).toBe(413);
    // exactly 64 KiB is parsed (and refused as an update without a chat or sender: 400, not 413)
    expect((await bed.telegram.deliverRaw(sized(64 * 1024))).status).not.toBe(413);
    const signIn = await fetch(`${bed.api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@convoy.test', password: 'p'.repeat(200 * 1024) }),
    });
    expect(signIn.status).not.toBe(413);
  });

  it('checks the secret before reading the body: 403 to a wrong secret, even over the limit or with the body still on its way', async () => {
    const huge = JSON.stringify({ update_id: 900011, message: { text: 'x'.repeat(200 * 1024) } });
    expect((await bed.telegram.deliverRaw(huge, { 'x-telegram-bot-api-secret-token': 'guess' })).status).toBe(403);

    // announce 1,000 bytes, send 10 and wait: a server that parses first would wait for the other 990
    const { port } = new URL(bed.api.baseUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
        if (received.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(received);
        }
      });
      socket.on('error', reject);
      socket.write(
        'POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
          'X-Telegram-Bot-Api-Secret-Token: guess\r\nContent-Length: 1000\r\n\r\n{"update_',
      );
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
  });

  it('answers Telegram without browser security headers, which every other route keeps', async () => {
    const answer = await bed.telegram.deliverRaw(JSON.stringify({ ...bed.updates.command(driver, '/help'), update_id: 900002 }));
    expect(answer.status).toBe(200);
    expect(answer.headers['x-request-id']).toBeTruthy();
    expect(answer.headers['content-security-policy']).toBeUndefined();
    expect(answer.headers['x-content-type-options']).toBeUndefined();

    const health = await fetch(`${bed.api.baseUrl}/health`);
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('logs refused webhook calls, but not a request line per update (other routes keep theirs)', async () => {
    const accepted = bed.telegram.pushUpdate(bed.updates.command(driver, '/status'));
    await bed.telegram.waitForConfirmed(accepted);
    await bed.telegram.deliverRaw('{}', { 'x-telegram-bot-api-secret-token': 'guess' });
    // every Nest route family keeps its line (app.module's NEST_ROUTES), GPS-app ingest has none
    await fetch(`${bed.api.baseUrl}/join/not-a-real-token`);
    await fetch(`${bed.api.baseUrl}/generate-link`);
    await fetch(`${bed.api.baseUrl}/ingest/osmand?id=nobody&lat=1&lon=1`);
    expect((await bed.admin.get('/api/drivers')).status).toBe(200);

    const lines = () => bed.api.output().split('\n');
    // the log reaches us through a pipe: wait for the last request's line, everything before it is there too
    for (let i = 0; i < 200 && !lines().some((l) => l.includes('request completed') && l.includes('/api/drivers')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const requestLines = lines().filter((l) => l.includes('request completed'));
    expect(requestLines.some((l) => l.includes('/api/drivers'))).toBe(true);
    expect(requestLines.filter((l) => l.includes('/telegram/webhook'))).toEqual([]);
    for (const path of ['/join/not-a-real-token', '/generate-link']) expect(requestLines.some((l) => l.includes(path))).toBe(true);
    expect(requestLines.filter((l) => l.includes('/ingest/osmand'))).toEqual([]);
    expect(lines().some((l) => l.includes('Refused a webhook call') && l.includes('wrong or missing secret header'))).toBe(true);
  });

  it('stores a redelivered update once (the first version wins)', async () => {
    const first = bed.telegram.pushUpdate(bed.updates.location(driver, { latitude: 50.5, longitude: 14.5 }));
    await bed.telegram.waitForDelivered(first);
    const again: Update = { ...first, message: { ...first.message, location: { latitude: 51, longitude: 15 } } } as Update;
    const duplicate = bed.telegram.pushUpdate(again, { keepUpdateId: true });
    await bed.telegram.waitForConfirmed(duplicate);
    const stored = (await rows()).filter((r) => Number(r.telegram_update_id) === first.update_id);
    expect(stored).toEqual([{ latitude: 50.5, telegram_update_id: String(first.update_id) }]);
  });

  it('never stores out-of-range, future, venue or foreign points, and answers politely', async () => {
    const before = (await rows()).length;
    const now = Math.floor(Date.now() / 1000);
    const sent = [
      bed.updates.location(driver, { latitude: 91, longitude: 14 }),
      bed.updates.location(driver, { latitude: 50, longitude: 14, horizontal_accuracy: 2000 }),
      { ...bed.updates.location(driver, { latitude: 50, longitude: 14 }), message: { ...bed.updates.location(driver, { latitude: 50, longitude: 14 }).message, date: now + 3600 } },
      bed.updates.venue(driver, { latitude: 50, longitude: 14, title: 'Depot', address: 'Main St 1' }),
      bed.updates.photo(driver),
      bed.updates.textMessage(driver, 'hello?'),
      bed.updates.groupMessage(driver, '/start sometoken'),
      bed.updates.location(telegramUser(), { latitude: 50, longitude: 14 }),
    ].map((update) => bed.telegram.pushUpdate(update as Update));
    for (const update of sent) await bed.telegram.waitForConfirmed(update, 10_000);

    expect((await rows()).length).toBe(before);
    const replies = repliesTo(driver.id).join('\n');
    expect(replies).toContain('could not use that location');
    expect(replies).toContain('place picked on the map');
    expect(replies).toContain('I only understand locations');
    expect(bed.telegram.sentMessages().some((m) => 'text' in m && m.text.includes('private chat'))).toBe(true);
  });

  it('applies live edits by edit_date even when they arrive out of order, and ignores edits after the live period', async () => {
    const start = bed.telegram.pushUpdate(bed.updates.liveLocationStart(driver, { latitude: 49, longitude: 16, live_period: 900 }));
    await bed.telegram.waitForDelivered(start);
    const t0 = start.message.date;
    const late = bed.telegram.pushUpdate(bed.updates.liveLocationEdit(driver, start, { latitude: 49.003, longitude: 16, edit_date: t0 + 30 }));
    const early = bed.telegram.pushUpdate(bed.updates.liveLocationEdit(driver, start, { latitude: 49.001, longitude: 16, edit_date: t0 + 10 }));
    const tooLate = bed.telegram.pushUpdate(
      bed.updates.liveLocationEdit(driver, start, { latitude: 40, longitude: 10, edit_date: t0 + 900 + 3600 }),
    );
    for (const update of [late, early, tooLate]) await bed.telegram.waitForConfirmed(update);

    const me = await bed.admin.get<DriverDto>(`/api/drivers/${driverId}`);
    expect(me.body.lastPosition).toMatchObject({ latitude: 49.003 });
    const latitudes = (await rows()).map((r) => r.latitude);
    expect(latitudes).toEqual(expect.arrayContaining([49, 49.001, 49.003]));
    expect(latitudes).not.toContain(40);
  });

  it('acknowledges a stored position even when the reply cannot be sent (the driver blocked the bot)', async () => {
    bed.telegram.setBlocked(driver.id, true);
    try {
      const checkIn = bed.telegram.pushUpdate(bed.updates.location(driver, { latitude: 48.5, longitude: 15.5 }));
      const delivered = await bed.telegram.waitForDelivered(checkIn);
      expect(delivered.map((d) => d.status)).toEqual([200]);
      expect(bed.telegram.deliveries.filter((d) => d.update_id === checkIn.update_id)).toHaveLength(1);
      expect((await rows()).map((r) => r.latitude)).toContain(48.5);
    } finally {
      bed.telegram.setBlocked(driver.id, false);
    }
  });

  it('welcomes a driver whose name would break Markdown', async () => {
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'mr_smith [night*' });
    const someone = telegramUser();
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(someone, '/start', link.body.token)));
    // sentMessages holds only messages Telegram accepted (a Markdown parse error would be refused)
    const sent = bed.telegram.sentMessages(someone.id).map((m) => ('text' in m ? m.text : ''));
    expect(sent.join('\n')).toContain('“mr_smith [night*”');
  });
});
