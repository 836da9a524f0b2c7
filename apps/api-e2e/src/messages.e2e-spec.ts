import type { CreatedLinkResponse, DriverChange, DriverDto, ErrorResponse, JoinResponse, MessageDto, MessageThreadDto } from '@convoy/contracts';
import { ApiClient, connectLive, telegramUser, type LiveRecorder, type TelegramUserFixture } from '@convoy/testing';
import type { Message } from 'telegraf/types';
import { queryDatabase } from './support/database-rows';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';
import { WebhookReceiver, waitUntil as waitForWebhook } from './support/webhook-receiver';

/** Dispatcher ↔ driver messages through the driver's Telegram chat (issue #10), against the Bot API double. */
describe('messages between dispatch and a Telegram driver', () => {
  let bed: TelegramTestbed;
  let live: LiveRecorder;
  const socketMessages: MessageDto[] = [];
  const integrator = new WebhookReceiver();

  beforeAll(async () => {
    await integrator.start();
    bed = await startTelegramTestbed('messages', 'webhook', { WEBHOOK_ALLOW_PRIVATE: '1' });
    live = await connectLive(bed.api.baseUrl, bed.adminToken);
    live.socket.on('messages', (messages) => socketMessages.push(...messages));
    const hook = await bed.admin.post('/api/webhooks', { url: integrator.url('/convoy'), events: ['message.received', 'message.delivered'] });
    expect(hook.status).toBe(201);
  });
  afterAll(async () => {
    live?.close();
    await bed?.close();
    await integrator.stop();
  });

  async function joinedDriver(name: string, user: TelegramUserFixture): Promise<DriverDto> {
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: name });
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(user, '/start', link.body.token)), 10_000);
    return (await bed.admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.telegram?.userId === user.id) as DriverDto;
  }

  async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const thread = async (driverId: string) => (await bed.admin.get<MessageThreadDto>(`/api/drivers/${driverId}/messages`)).body;
  const events = (type: string, driverId: string) =>
    queryDatabase<{ data: { messageId: string; text: string; quickReply: string | null } }>(
      bed.database.url,
      `SELECT data FROM events WHERE type = $1 AND driver_id = $2 ORDER BY seq`,
      [type, driverId],
    );

  it('round trip: the message reaches the chat with buttons; a typed reply and a tap come back live, unread, and as events', async () => {
    const user = telegramUser({ first_name: 'Dora', language_code: 'de' });
    const driver = await joinedDriver('Dora Driver', user);

    const sent = await bed.admin.post<MessageDto>(`/api/drivers/${driver.id}/messages`, { text: 'Bitte Tor 4', quickReplies: ['On my way', 'Arrived'] });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ direction: 'to-driver', status: 'sent', text: 'Bitte Tor 4', quickReplies: ['On my way', 'Arrived'], sentBy: { name: 'admin' } });

    // the chat: framed in German, quick replies as inline buttons naming the message
    const call = await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === user.id && String(c.params['text']).startsWith('📨'), 10_000);
    expect(call.params['text']).toBe('📨 Disposition (admin): Bitte Tor 4');
    const keyboard = (call.params['reply_markup'] as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard;
    expect(keyboard.flat().map((b) => b.text)).toEqual(['On my way', 'Arrived']);
    expect(keyboard.flat()[0].callback_data).toBe(`msg:${sent.body.id}:0`);

    // delivered: the thread, the socket and the outbox say so
    await waitUntil(() => thread(driver.id), (t) => t.messages.some((m) => m.id === sent.body.id && m.status === 'delivered'), 'delivered');
    expect((await events('message.delivered', driver.id)).map((e) => e.data.messageId)).toEqual([sent.body.id]);
    await live.waitFor(() => socketMessages.some((m) => m.id === sent.body.id && m.status === 'delivered'), 'delivered on the socket');

    // the driver types a reply
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.textMessage(user, 'Stau, 10 Minuten später')), 10_000);
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === user.id && String(c.params['text']).includes('An die Disposition gesendet'), 10_000);

    // … and taps a button on the message
    const inChat = bed.telegram.sentMessages(user.id).find((m) => 'text' in m && m.text.startsWith('📨')) as Message.TextMessage;
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.callbackQuery(user, `msg:${sent.body.id}:0`, inChat)), 10_000);
    const edit = await bed.telegram.waitForCall('editMessageText', (c) => c.params['chat_id'] === user.id && c.params['message_id'] === inChat.message_id, 10_000);
    expect(edit.params['text']).toBe('📨 Disposition (admin): Bitte Tor 4\n\n✅ Deine Antwort: On my way');
    expect(bed.telegram.callsTo('answerCallbackQuery').length).toBeGreaterThan(0);

    // dashboard: both replies live, unread 2, the driver badge updated, two message.received events
    await live.waitFor(() => socketMessages.filter((m) => m.driverId === driver.id && m.direction === 'from-driver').length === 2, 'replies on the socket');
    const replies = socketMessages.filter((m) => m.driverId === driver.id && m.direction === 'from-driver');
    expect(replies.map((m) => [m.text, m.quickReply, m.status])).toEqual([
      ['Stau, 10 Minuten später', null, 'received'],
      ['On my way', 'On my way', 'received'],
    ]);
    const received = await events('message.received', driver.id);
    expect(received.map((e) => [e.data.text, e.data.quickReply])).toEqual([
      ['Stau, 10 Minuten später', null],
      ['On my way', 'On my way'],
    ]);
    const t = await thread(driver.id);
    expect(t).toMatchObject({ canReceive: true, unread: 2 });
    expect(t.messages.find((m) => m.id === sent.body.id)?.quickReply).toBe('On my way');
    expect((await bed.admin.get<DriverDto>(`/api/drivers/${driver.id}`)).body.unreadMessages).toBe(2);
    await live.waitFor(
      (r) => r.changes.some((c: DriverChange) => c.type === 'upsert' && c.driver.id === driver.id && c.driver.unreadMessages === 2),
      'the unread badge on the socket',
    );

    // … and the integrator's webhook hears both replies
    const hooked = () => integrator.on('/convoy').map((r) => JSON.parse(r.body) as { type: string; data: { driver: { id: string }; text: string } });
    await waitForWebhook('message.received webhooks', () => hooked().filter((b) => b.type === 'message.received' && b.data.driver.id === driver.id).length === 2);
    expect(hooked().some((b) => b.type === 'message.delivered' && b.data.text === 'Bitte Tor 4')).toBe(true);

    // a second tap changes nothing
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.callbackQuery(user, `msg:${sent.body.id}:1`, inChat)), 10_000);
    expect(await events('message.received', driver.id)).toHaveLength(2);

    // read: 0 for everyone
    expect((await bed.admin.post(`/api/drivers/${driver.id}/messages/read`)).body).toEqual({ read: 2 });
    expect((await thread(driver.id)).unread).toBe(0);
    await live.waitFor(
      (r) => r.changes.some((c: DriverChange) => c.type === 'upsert' && c.driver.id === driver.id && c.driver.unreadMessages === 0),
      'the badge cleared on the socket',
    );
  });

  it('a driver who blocked the bot: failed with the reason, not retried', async () => {
    const user = telegramUser({ first_name: 'Blocky' });
    const driver = await joinedDriver('Blocky', user);
    bed.telegram.setBlocked(user.id);
    const sent = await bed.admin.post<MessageDto>(`/api/drivers/${driver.id}/messages`, { text: 'Are you there?' });
    expect(sent.status).toBe(201);
    const failed = await waitUntil(() => thread(driver.id), (t) => t.messages[0]?.status === 'failed', 'failed');
    expect(failed.messages[0].error).toContain('blocked the bot');
    await live.waitFor(() => socketMessages.some((m) => m.id === sent.body.id && m.status === 'failed'), 'failed on the socket');
    await new Promise((r) => setTimeout(r, 2500)); // past the first retry's back-off
    expect(bed.telegram.callsTo('sendMessage').filter((c) => c.params['chat_id'] === user.id && String(c.params['text']).startsWith('📨'))).toHaveLength(1);
    expect(await events('message.delivered', driver.id)).toHaveLength(0);
  });

  it('refuses bad input and drivers who cannot receive, clearly', async () => {
    const user = telegramUser({ first_name: 'Valid' });
    const driver = await joinedDriver('Valid', user);
    const refused = async (body: unknown) => (await bed.admin.post<ErrorResponse>(`/api/drivers/${driver.id}/messages`, body)).status;
    expect(await refused({ text: 'x'.repeat(1001) })).toBe(400);
    expect(await refused({ text: '   ' })).toBe(400);
    expect(await refused({ text: 'ok', quickReplies: ['1', '2', '3', '4', '5', '6', '7'] })).toBe(400);
    expect(await refused({ text: 'ok', quickReplies: ['y'.repeat(33)] })).toBe(400);

    // after /stop the driver is unbound: nowhere to send
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(user, '/stop')), 10_000);
    const gone = await bed.admin.post<ErrorResponse>(`/api/drivers/${driver.id}/messages`, { text: 'hello?' });
    expect(gone.status).toBe(409);
    expect(gone.body).toMatchObject({ code: 'MESSAGE_DRIVER_CANNOT_RECEIVE' });
    expect((await thread(driver.id)).canReceive).toBe(false);
  });

  it('browser drivers read and answer on the join page; GPS-app drivers cannot receive; erasure deletes the thread', async () => {
    const joinAs = async (name: string, channel: 'browser' | 'app') => {
      const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: name });
      return (await bed.admin.post<JoinResponse>(`/api/join/${link.body.token}`, { channel })).body;
    };
    const browser = await joinAs('Bea Browser', 'browser');
    const page = new ApiClient(bed.api.baseUrl, browser.deviceKey);
    const sent = await bed.admin.post<MessageDto>(`/api/drivers/${browser.driverId}/messages`, { text: 'Dock 2', quickReplies: ['OK', 'Delayed'] });
    expect(sent.body.status).toBe('sent');
    const seen = await page.get<MessageDto[]>('/api/track/messages');
    expect(seen.body).toEqual([expect.objectContaining({ id: sent.body.id, status: 'delivered', quickReplies: ['OK', 'Delayed'] })]);
    expect(await events('message.delivered', browser.driverId)).toHaveLength(1);
    const tapped = await page.post<MessageDto>(`/api/track/messages/${sent.body.id}/reply`, { option: 1 });
    expect(tapped.body).toMatchObject({ direction: 'from-driver', text: 'Delayed', quickReply: 'Delayed' });
    expect((await page.post(`/api/track/messages/${sent.body.id}/reply`, { option: 0 })).status).toBe(409); // answered once
    expect((await thread(browser.driverId)).unread).toBe(1);

    const app = await joinAs('Gus GPS', 'app');
    expect((await thread(app.driverId)).canReceive).toBe(false);
    expect((await bed.admin.post(`/api/drivers/${app.driverId}/messages`, { text: 'hi' })).status).toBe(409);

    expect((await bed.admin.post(`/api/drivers/${browser.driverId}/erase`, { confirmName: 'Bea Browser' })).status).toBe(200);
    expect(await queryDatabase(bed.database.url, `SELECT id FROM messages WHERE driver_id = $1`, [browser.driverId])).toEqual([]);
    expect((await bed.admin.get<DriverDto>(`/api/drivers/${browser.driverId}`)).body.unreadMessages).toBe(0);
  });
});
