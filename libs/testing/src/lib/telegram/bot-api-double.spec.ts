import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telegraf, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { BotApiDouble } from './bot-api-double';
import { FakeTelegramClock } from './telegram-clock';
import { TelegramUpdateFactory, telegramUser } from './telegram-updates';

/** A webhook endpoint standing in for the bot's server: records requests, answers as the test says. */
interface WebhookServer {
  url: string;
  requests: Array<{ headers: IncomingHttpHeaders; body: string; at: number }>;
  close(): Promise<void>;
}

async function startWebhookServer(
  answer: (req: IncomingMessage, body: string, res: ServerResponse) => unknown = (_req, _body, res) => res.end('ok'),
): Promise<WebhookServer> {
  const requests: WebhookServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ headers: req.headers, body, at: Date.now() });
      void Promise.resolve(answer(req, body, res));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/telegram/webhook`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('BotApiDouble, driven by a real telegraf client', () => {
  let double: BotApiDouble;
  let bot: Telegraf;
  let updates: TelegramUpdateFactory;
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeEach(async () => {
    double = new BotApiDouble({ webhookRetry: { initialDelayMs: 50, maxDelayMs: 400 } });
    await double.start();
    bot = new Telegraf(double.token, { telegram: { apiRoot: double.apiRoot } });
    updates = new TelegramUpdateFactory({ messageIds: double });
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await double.stop();
  });

  describe('plain calls', () => {
    it('answers getMe with the configured bot and records the call as telegraf sent it', async () => {
      const me = await bot.telegram.getMe();

      expect(me).toEqual(double.botInfo);
      expect(me).toMatchObject({ is_bot: true, first_name: 'Convoy Test Bot', username: 'convoy_test_bot' });
      expect(String(me.id)).toBe(double.token.split(':')[0]);
      expect(double.token.split(':')[1].length).toBeGreaterThanOrEqual(30);
      expect(double.callsTo('getMe')).toEqual([
        expect.objectContaining({ method: 'getMe', httpMethod: 'POST', contentType: 'application/json', status: 200 }),
      ]);
    });

    it('refuses to message a chat that never wrote to the bot, as Telegram does', async () => {
      await expect(bot.telegram.sendMessage(424242, 'hello')).rejects.toMatchObject({
        response: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
      });
    });

    it('sends a message into a known chat: ids continue the chat, reply keyboards are recorded but not echoed', async () => {
      // a double of its own, on a clock the test controls, so `date` is exact
      const clock = new FakeTelegramClock(1_760_000_000);
      const timed = new BotApiDouble({ clock });
      await timed.start();
      cleanups.push(() => timed.stop());
      const timedBot = new Telegraf(timed.token, { telegram: { apiRoot: timed.apiRoot } });
      const timedUpdates = new TelegramUpdateFactory({ messageIds: timed, clock });
      const driver = telegramUser({ first_name: 'Ana' });
      const start = timed.pushUpdate(timedUpdates.command(driver, '/start', 'tok'));

      const keyboard = { keyboard: [[{ text: 'Share location', request_location: true }]], resize_keyboard: true };
      const first = await timedBot.telegram.sendMessage(driver.id, 'Welcome', { reply_markup: keyboard });
      const second = await timedBot.telegram.sendMessage(driver.id, 'Pick one', {
        reply_markup: { inline_keyboard: [[{ text: 'Stop', callback_data: 'stop' }]] },
      });

      expect('message' in start && start.message.message_id).toBe(1);
      expect(first).toMatchObject({ message_id: 2, date: 1_760_000_000, text: 'Welcome', chat: { id: driver.id, type: 'private' } });
      expect(first.from).toMatchObject({ is_bot: true, username: 'convoy_test_bot' });
      expect(first).not.toHaveProperty('reply_markup');
      expect(second).toMatchObject({ message_id: 3, reply_markup: { inline_keyboard: [[{ text: 'Stop', callback_data: 'stop' }]] } });
      expect(timed.callsTo('sendMessage')[0].params).toEqual({ chat_id: driver.id, text: 'Welcome', reply_markup: keyboard });
      expect(timed.sentMessages(driver.id).map((m) => m.message_id)).toEqual([2, 3]);
    });

    it('applies parse_mode like Telegram, including its refusal of unbalanced legacy Markdown', async () => {
      const driver = telegramUser();
      double.pushUpdate(updates.textMessage(driver, 'hi'));

      const bold = await bot.telegram.sendMessage(driver.id, 'Tracking *on*', { parse_mode: 'Markdown' });
      expect(bold).toMatchObject({ text: 'Tracking on', entities: [{ type: 'bold', offset: 9, length: 2 }] });

      await expect(bot.telegram.sendMessage(driver.id, 'Hello mr_smith', { parse_mode: 'Markdown' })).rejects.toMatchObject({
        response: { error_code: 400, description: "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 8" },
      });
    });

    it('edits and deletes the bot messages, refusing an edit that changes nothing', async () => {
      const driver = telegramUser();
      double.pushUpdate(updates.textMessage(driver, 'hi'));
      const sent = await bot.telegram.sendMessage(driver.id, 'Sharing: on');

      const edited = await bot.telegram.editMessageText(driver.id, sent.message_id, undefined, 'Sharing: off');
      expect(edited).toMatchObject({ message_id: sent.message_id, text: 'Sharing: off', edit_date: expect.any(Number) });
      await expect(bot.telegram.editMessageText(driver.id, sent.message_id, undefined, 'Sharing: off')).rejects.toMatchObject({
        response: { error_code: 400, description: expect.stringContaining('message is not modified') },
      });
      await expect(bot.telegram.deleteMessage(driver.id, sent.message_id)).resolves.toBe(true);
      await expect(bot.telegram.deleteMessage(driver.id, sent.message_id)).rejects.toMatchObject({
        response: { description: 'Bad Request: message to delete not found' },
      });
    });

    it('handles commands, menu button, chat lookups, chat actions and callback answers', async () => {
      const driver = telegramUser({ username: 'ana_drives', language_code: 'de' });
      const sent = await (async () => {
        double.pushUpdate(updates.textMessage(driver, 'hi'));
        return bot.telegram.sendMessage(driver.id, 'Stop?', { reply_markup: { inline_keyboard: [[{ text: 'Stop', callback_data: 'stop' }]] } });
      })();
      const press = double.pushUpdate(updates.callbackQuery(driver, 'stop', sent));

      await bot.telegram.setMyCommands([{ command: 'status', description: 'Status' }], { language_code: 'de' });
      await expect(bot.telegram.getMyCommands({ language_code: 'de' })).resolves.toEqual([{ command: 'status', description: 'Status' }]);
      await expect(bot.telegram.getMyCommands()).resolves.toEqual([]);
      await expect(bot.telegram.setMyCommands([{ command: 'Status', description: 'x' }])).rejects.toMatchObject({
        response: { description: 'Bad Request: BOT_COMMAND_INVALID' },
      });
      await bot.telegram.deleteMyCommands({ language_code: 'de' });
      await expect(bot.telegram.getMyCommands({ language_code: 'de' })).resolves.toEqual([]);

      await bot.telegram.setChatMenuButton({ chatId: driver.id, menuButton: { type: 'commands' } });
      await expect(bot.telegram.getChatMenuButton({ chatId: driver.id })).resolves.toEqual({ type: 'commands' });
      await expect(bot.telegram.getChat('@ana_drives')).resolves.toMatchObject({ id: driver.id, type: 'private', username: 'ana_drives' });
      await expect(bot.telegram.sendChatAction(driver.id, 'find_location')).resolves.toBe(true);

      const queryId = 'callback_query' in press ? press.callback_query.id : '';
      await expect(bot.telegram.answerCbQuery(queryId, 'Stopped')).resolves.toBe(true);
      await expect(bot.telegram.answerCbQuery(queryId)).rejects.toMatchObject({
        response: { description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' },
      });

      double.setBlocked(driver.id);
      await expect(bot.telegram.sendMessage(driver.id, 'still there?')).rejects.toMatchObject({
        response: { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      });
    });
  });

  describe('transport', () => {
    const botUrl = (method: string, token = double.token) => `${double.apiRoot}/bot${token}/${method}`;

    it('answers 401 for an unknown token and 404 for an unknown method, in Telegram JSON', async () => {
      const unauthorized = await fetch(botUrl('getMe', '123:wrong'), { method: 'POST' });
      expect(unauthorized.status).toBe(401);
      await expect(unauthorized.json()).resolves.toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });

      const unknown = await fetch(botUrl('sendTelepathy'), { method: 'POST' });
      expect(unknown.status).toBe(404);
      await expect(unknown.json()).resolves.toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });
    });

    it('parses GET query strings, urlencoded and multipart bodies, with case-insensitive method names', async () => {
      const driver = telegramUser();
      double.pushUpdate(updates.textMessage(driver, 'hi'));
      const markup = JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] });

      const viaGet = await fetch(`${botUrl('getme')}?x=1`);
      const viaForm = await fetch(botUrl('sendmessage'), {
        method: 'POST',
        body: new URLSearchParams({ chat_id: String(driver.id), text: 'form', reply_markup: markup }),
      });
      const multipart = new FormData();
      multipart.set('chat_id', String(driver.id));
      multipart.set('text', 'multipart');
      multipart.set('document', new Blob(['hello'], { type: 'text/plain' }), 'note.txt');
      const viaMultipart = await fetch(botUrl('sendMessage'), { method: 'POST', body: multipart });

      expect(viaGet.status).toBe(200);
      await expect(viaForm.json()).resolves.toMatchObject({ ok: true, result: { text: 'form', reply_markup: JSON.parse(markup) } });
      await expect(viaMultipart.json()).resolves.toMatchObject({ ok: true, result: { text: 'multipart' } });
      const [get, form, multi] = double.calls;
      expect(get).toMatchObject({ method: 'getMe', httpMethod: 'GET', params: { x: '1' } });
      expect(form).toMatchObject({ method: 'sendMessage', contentType: 'application/x-www-form-urlencoded', params: { reply_markup: JSON.parse(markup) } });
      expect(multi).toMatchObject({
        contentType: 'multipart/form-data',
        params: { chat_id: String(driver.id), document: { filename: 'note.txt', size: 5, type: 'text/plain' } },
      });
    });

    it('surfaces an injected 429 with retry_after through telegraf, then answers normally', async () => {
      double.failNext('sendMessage', { error_code: 429, retry_after: 3 });
      const driver = telegramUser();
      double.pushUpdate(updates.textMessage(driver, 'hi'));

      const error = await bot.telegram.sendMessage(driver.id, 'x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TelegramError);
      expect(error).toMatchObject({ code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
      await expect(bot.telegram.sendMessage(driver.id, 'x')).resolves.toMatchObject({ text: 'x' });
      expect(double.callsTo('sendMessage').map((call) => call.status)).toEqual([429, 200]);
    });

    it('resets connections while offline and recovers when back online', async () => {
      double.setOffline(true);
      await expect(bot.telegram.getMe()).rejects.toMatchObject({ name: 'FetchError' });
      double.setOffline(false);
      await expect(bot.telegram.getMe()).resolves.toMatchObject({ username: 'convoy_test_bot' });
      expect(double.callsTo('getMe').map((call) => call.status)).toEqual([0, 200]);
    });

    it('rejects waitForCall with the list of recorded calls when the call never comes', async () => {
      await bot.telegram.getMe();
      await expect(double.waitForCall('sendMessage', undefined, 50)).rejects.toThrow(
        /no sendMessage call within 50 ms\. Recorded calls \(1\):\n {2}getMe \{\} → 200/,
      );
    });
  });

  describe('long polling', () => {
    it('serves pushed updates to bot.launch() and confirms each by the next offset, never redelivering', async () => {
      const seen: Update[] = [];
      bot.on('message', (ctx) => {
        seen.push(ctx.update);
      });
      const driver = telegramUser();
      const launched = bot.launch();
      cleanups.push(async () => {
        bot.stop('test over');
        await launched;
      });

      const poll = await double.waitForCall('getUpdates');
      const first = double.pushUpdate(updates.textMessage(driver, 'one'));
      const second = double.pushUpdate(updates.textMessage(driver, 'two'));
      await double.waitForConfirmed(second);
      const third = double.pushUpdate(updates.textMessage(driver, 'three'));
      await double.waitForConfirmed(third);

      expect(seen.map((u) => u.update_id)).toEqual([first.update_id, second.update_id, third.update_id]);
      expect(second.update_id).toBe(first.update_id + 1);
      expect(double.confirmations.map((c) => c.by)).toEqual(['offset', 'offset', 'offset']);
      // what telegraf 4.16 does at launch — the bot author relies on this sequence
      expect(double.calls.slice(0, 3).map((c) => [c.method, c.params])).toEqual([
        ['getMe', {}],
        ['deleteWebhook', {}],
        ['getUpdates', { timeout: 50, offset: 0, allowed_updates: [] }],
      ]);
      expect(poll.contentType).toBe('application/json');
    });

    it('holds getUpdates until an update arrives, and hands it out again until an offset confirms it', async () => {
      const driver = telegramUser();
      const startedAt = Date.now();
      const held = bot.telegram.getUpdates(5, 100, 0, undefined);
      await double.waitForCall('getUpdates');
      setTimeout(() => double.pushUpdate(updates.location(driver, { latitude: 52.52, longitude: 13.405 })), 150);

      const [update] = await held;
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expect(update).toMatchObject({ message: { location: { latitude: 52.52, longitude: 13.405 } } });

      await expect(bot.telegram.getUpdates(0, 100, 0, undefined)).resolves.toEqual([update]);
      await expect(bot.telegram.getUpdates(0, 100, update.update_id + 1, undefined)).resolves.toEqual([]);
      expect(double.pendingUpdates).toEqual([]);
    });

    it('ends an earlier getUpdates with 409 when a second poller arrives, like two bot instances', async () => {
      const first = bot.telegram.getUpdates(5, 100, 0, undefined).catch((e: unknown) => e);
      await double.waitForCall('getUpdates');
      const second = bot.telegram.getUpdates(0, 100, 0, undefined);

      await expect(first).resolves.toMatchObject({
        code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
      await expect(second).resolves.toEqual([]);
    });

    it('does not create update types outside allowed_updates', async () => {
      const driver = telegramUser();
      await bot.telegram.getUpdates(0, 100, 0, ['message']);
      const sent = double.pushUpdate(updates.textMessage(driver, 'hi'));
      double.pushUpdate(updates.callbackQuery(driver, 'x'));

      await expect(bot.telegram.getUpdates(0, 100, 0, undefined)).resolves.toEqual([sent]);
      expect(double.notAllowedUpdates).toHaveLength(1);
      expect(double.allowedUpdates).toEqual(['message']);
    });
  });

  describe('webhook', () => {
    it('POSTs pushed updates with the secret header, retrying a 500 until the bot answers 200', async () => {
      let failuresLeft = 2;
      const hook = await startWebhookServer((_req, _body, res) => {
        res.statusCode = failuresLeft-- > 0 ? 500 : 200;
        res.end();
      });
      cleanups.push(() => hook.close());
      await bot.telegram.setWebhook(hook.url, { secret_token: 'convoy-secret_1', max_connections: 100, allowed_updates: ['message', 'edited_message'] });

      const driver = telegramUser();
      const start = updates.liveLocationStart(driver, { latitude: 48.1, longitude: 11.5, live_period: 3600 });
      const pushed = double.pushUpdate(start);
      const [delivered] = await double.waitForDelivered(pushed);

      expect(hook.requests).toHaveLength(3);
      for (const request of hook.requests) {
        expect(request.headers['x-telegram-bot-api-secret-token']).toBe('convoy-secret_1');
        expect(request.headers['content-type']).toBe('application/json');
        expect(JSON.parse(request.body)).toEqual(pushed);
      }
      expect(double.deliveries.map((d) => [d.status, d.outcome])).toEqual([
        [500, 'retrying'],
        [500, 'retrying'],
        [200, 'delivered'],
      ]);
      expect(delivered.attempt).toBe(3);
      expect(hook.requests[2].at - hook.requests[0].at).toBeGreaterThanOrEqual(50 + 100 - 10);
      await expect(bot.telegram.getWebhookInfo()).resolves.toEqual({
        url: hook.url,
        has_custom_certificate: false,
        pending_update_count: 0,
        max_connections: 100,
        ip_address: '127.0.0.1',
        allowed_updates: ['message', 'edited_message'],
        last_error_date: expect.any(Number),
        last_error_message: 'Wrong response from the webhook: 500 Internal Server Error',
      });
    });

    it('omits the secret header when none was set and keeps a chat in order while chats go in parallel', async () => {
      const inFlightPerChat = new Map<number, number>();
      let maxInFlight = 0;
      let inFlight = 0;
      let overlapInOneChat = false;
      const hook = await startWebhookServer(async (_req, body, res) => {
        const update = JSON.parse(body) as Update;
        const chatId = 'message' in update ? update.message.chat.id : 0;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        inFlightPerChat.set(chatId, (inFlightPerChat.get(chatId) ?? 0) + 1);
        if ((inFlightPerChat.get(chatId) ?? 0) > 1) overlapInOneChat = true;
        await new Promise((resolve) => setTimeout(resolve, 30));
        inFlightPerChat.set(chatId, (inFlightPerChat.get(chatId) ?? 1) - 1);
        inFlight -= 1;
        res.end();
      });
      cleanups.push(() => hook.close());
      await bot.telegram.setWebhook(hook.url, { max_connections: 2 });

      const drivers = [telegramUser(), telegramUser(), telegramUser()];
      const pushed = drivers.flatMap((driver) => [1, 2, 3].map((n) => double.pushUpdate(updates.textMessage(driver, `#${n}`))));
      await double.waitForDelivered({ count: pushed.length });

      expect(hook.requests.every((r) => r.headers['x-telegram-bot-api-secret-token'] === undefined)).toBe(true);
      expect(overlapInOneChat).toBe(false);
      expect(maxInFlight).toBe(2);
      for (const driver of drivers) {
        const texts = hook.requests
          .map((r) => JSON.parse(r.body) as Update)
          .filter((u) => 'message' in u && u.message.chat.id === driver.id)
          .map((u) => ('message' in u && 'text' in u.message ? u.message.text : ''));
        expect(texts).toEqual(['#1', '#2', '#3']);
      }
    });

    it('answers getUpdates with 409 while a webhook is set, and serves the queue again after deleteWebhook', async () => {
      const hook = await startWebhookServer((_req, _body, res) => {
        res.statusCode = 503;
        res.end();
      });
      cleanups.push(() => hook.close());
      await bot.telegram.setWebhook(hook.url);
      const pushed = double.pushUpdate(updates.textMessage(telegramUser(), 'queued'));

      await expect(bot.telegram.getUpdates(0, 100, 0, undefined)).rejects.toMatchObject({
        code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
      await double.waitForCall('getUpdates');
      await expect(bot.telegram.deleteWebhook()).resolves.toBe(true);
      await expect(bot.telegram.getUpdates(0, 100, 0, undefined)).resolves.toEqual([pushed]);
      expect(double.callsTo('deleteWebhook')[0].response).toMatchObject({ description: 'Webhook was deleted' });
    });

    it('ends a held getUpdates when a webhook is set', async () => {
      const hook = await startWebhookServer();
      cleanups.push(() => hook.close());
      const held = bot.telegram.getUpdates(5, 100, 0, undefined).catch((e: unknown) => e);
      await double.waitForCall('getUpdates');
      await bot.telegram.setWebhook(hook.url);
      await expect(held).resolves.toMatchObject({ code: 409, description: 'Conflict: terminated by setWebhook request' });
    });

    it('refuses a secret token with characters Telegram does not allow', async () => {
      await expect(bot.telegram.setWebhook('https://bot.example/hook', { secret_token: 'a+b/c=' })).rejects.toMatchObject({
        response: { error_code: 400, description: 'Bad Request: secret token contains unallowed characters' },
      });
      expect(double.webhookConfig).toBeNull();
    });

    it('executes a Bot API call returned in the webhook answer (webhook reply)', async () => {
      const driver = telegramUser();
      const hook = await startWebhookServer((_req, _body, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ method: 'sendMessage', chat_id: driver.id, text: 'Got it' }));
      });
      cleanups.push(() => hook.close());
      await bot.telegram.setWebhook(hook.url);
      double.pushUpdate(updates.textMessage(driver, 'hi'));

      const reply = await double.waitForCall('sendMessage');
      expect(reply).toMatchObject({ via: 'webhook-reply', params: { chat_id: driver.id, text: 'Got it' } });
      await double.waitForCall('sendMessage', (call) => call.status !== undefined);
      expect(double.sentMessages(driver.id).map((m) => ('text' in m ? m.text : ''))).toEqual(['Got it']);
    });

    it('re-sends an update with its own update_id when told to, so the bot can prove it dedupes', async () => {
      const hook = await startWebhookServer();
      cleanups.push(() => hook.close());
      await bot.telegram.setWebhook(hook.url);
      const original = double.pushUpdate(updates.textMessage(telegramUser(), 'once'));
      await double.waitForDelivered(original);

      const duplicate = double.pushUpdate(original, { keepUpdateId: true });
      const next = double.pushUpdate(updates.textMessage(telegramUser(), 'later'));
      await double.waitForDelivered(duplicate);
      await double.waitForDelivered({ count: 3 });

      await expect(double.waitForConfirmed(duplicate)).resolves.toMatchObject({ update_id: original.update_id, by: 'webhook' });
      expect(duplicate.update_id).toBe(original.update_id);
      expect(next.update_id).toBe(original.update_id + 1);
      expect(hook.requests.map((r) => (JSON.parse(r.body) as Update).update_id)).toEqual([
        original.update_id,
        original.update_id,
        next.update_id,
      ]);
    });

    it('delivers a raw body to the webhook for bad-input tests', async () => {
      const hook = await startWebhookServer((_req, body, res) => {
        res.statusCode = body.startsWith('{') ? 200 : 400;
        res.end('answer');
      });
      cleanups.push(() => hook.close());
      await bot.telegram.setWebhook(hook.url, { secret_token: 'sekret' });

      const bad = await double.deliverRaw('not json');
      const noSecret = await double.deliverRaw('{}', {}, { withSecret: false });

      expect(bad).toMatchObject({ status: 400, body: 'answer' });
      expect(noSecret.status).toBe(200);
      expect(hook.requests[0].headers['x-telegram-bot-api-secret-token']).toBe('sekret');
      expect(hook.requests[1].headers['x-telegram-bot-api-secret-token']).toBeUndefined();
      expect(double.deliveries).toEqual([]);
    });
  });
});
