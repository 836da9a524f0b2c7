import type { CreatedLinkResponse, DriverDto, ErrorResponse } from '@convoy/contracts';
import { ApiClient, connectLive, telegramUser, type LiveRecorder, type TelegramUserFixture } from '@convoy/testing';
import type { Message } from 'telegraf/types';
import { queryDatabase } from './support/database-rows';
import { positionRows } from './support/positions-in-db';
import { startTelegramTestbed, type BotMode, type TelegramTestbed } from './support/telegram-api';

describe.each<BotMode>(['webhook', 'polling'])('a driver leaves with /delete and is forgotten (%s mode)', (mode) => {
  let bed: TelegramTestbed;

  beforeAll(async () => {
    bed = await startTelegramTestbed(`erasure_${mode}`, mode);
  });
  afterAll(() => bed?.close());

  /** A driver who joined by link (with a note) and sent two check-ins. */
  async function joinedDriver(name: string, user: TelegramUserFixture): Promise<{ driver: DriverDto; token: string }> {
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: name, note: `private note about ${name}` });
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(user, '/start', link.body.token)), 10_000);
    for (const latitude of [50.1, 50.2]) {
      await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.location(user, { latitude, longitude: 14.4 })), 10_000);
    }
    const driver = (await bed.admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.telegram?.userId === user.id) as DriverDto;
    expect(driver).toMatchObject({ name, lastPosition: { latitude: 50.2 } });
    return { driver, token: link.body.token };
  }

  /** Sends /delete and returns the question the bot asked (the message carrying the buttons). */
  async function askDelete(user: TelegramUserFixture): Promise<Message.TextMessage> {
    const calls = bed.telegram.calls.length;
    bed.telegram.pushUpdate(bed.updates.command(user, '/delete'));
    const question = await bed.telegram.waitForCall(
      'sendMessage',
      (c) => c.params['chat_id'] === user.id && String(c.params['text']).includes('Erase your data') && bed.telegram.calls.indexOf(c) >= calls,
      10_000,
    );
    const keyboard = JSON.stringify(question.params['reply_markup']);
    expect(keyboard).toContain('inline_keyboard');
    expect(keyboard).toContain('Yes, erase my data');
    expect(keyboard).toContain('Cancel');
    // the call is seen when it arrives; the message exists once the double answered it
    for (let waited = 0; waited < 5000; waited += 20) {
      const sent = bed.telegram.sentMessages(user.id).filter((m) => 'text' in m && m.text.includes('Erase your data'));
      if (sent.length > 0 && question.response) return sent.at(-1) as Message.TextMessage;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the /delete question was never sent');
  }

  function buttonData(question: Message.TextMessage, label: string): string {
    const markup = question.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
    return markup.inline_keyboard.flat().find((b) => b.text.includes(label))?.callback_data as string;
  }

  it('asks Telegram for button presses (callback_query) as well as messages', () => {
    expect(bed.telegram.allowedUpdates).toEqual(expect.arrayContaining(['message', 'edited_message', 'callback_query']));
  });

  it('lists /delete in /help and in the command menu, in the driver’s language', async () => {
    const ana = telegramUser({ language_code: 'de' });
    bed.telegram.pushUpdate(bed.updates.command(ana, '/help'));
    const help = await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === ana.id, 10_000);
    expect(String(help.params['text'])).toContain('/delete — austreten und meine Daten löschen');
    const menus = bed.telegram.callsTo('setMyCommands').map((c) => JSON.stringify(c.params['commands']));
    expect(menus.some((m) => m.includes('"delete"') && m.includes('Leave and erase my data'))).toBe(true);
    expect(menus.some((m) => m.includes('Уйти и удалить мои данные'))).toBe(true);
  });

  it('Cancel erases nothing', async () => {
    const user = telegramUser({ first_name: 'Keeps', username: 'keeps_data' });
    const { driver } = await joinedDriver('Keeps Data', user);
    const question = await askDelete(user);
    const press = bed.telegram.pushUpdate(bed.updates.callbackQuery(user, buttonData(question, 'Cancel'), question));
    await bed.telegram.waitForConfirmed(press, 10_000);
    const edit = await bed.telegram.waitForCall('editMessageText', (c) => c.params['chat_id'] === user.id && c.params['message_id'] === question.message_id, 10_000);
    expect(edit.params['text']).toBe('Nothing was erased.');
    expect(bed.telegram.callsTo('answerCallbackQuery').length).toBeGreaterThan(0);

    const after = (await bed.admin.get<DriverDto>(`/api/drivers/${driver.id}`)).body;
    expect(after).toMatchObject({ name: 'Keeps Data', erasedAt: null, telegram: { username: 'keeps_data' } });
    expect(await positionRows(bed.database.url, driver.id)).toHaveLength(2);
  });

  it('Confirm erases positions, Telegram identity and link notes, and leaves an entry without personal data', async () => {
    const live: LiveRecorder = await connectLive(bed.api.baseUrl, bed.adminToken);
    try {
      const user = telegramUser({ first_name: 'Leaves', last_name: 'Forever', username: 'leaves_forever', language_code: 'en' });
      const { driver, token } = await joinedDriver('Leaves Forever', user);
      const question = await askDelete(user);
      await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.callbackQuery(user, buttonData(question, 'Yes'), question)), 10_000);
      const edit = await bed.telegram.waitForCall('editMessageText', (c) => c.params['chat_id'] === user.id && c.params['message_id'] === question.message_id, 10_000);
      expect(String(edit.params['text'])).toContain('Your data was erased');

      const erased = (await bed.admin.get<DriverDto>(`/api/drivers/${driver.id}`)).body;
      expect(erased).toMatchObject({ id: driver.id, name: 'Erased driver', erasedBy: 'driver', telegram: null, lastPosition: null });
      expect(Date.parse(erased.erasedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
      await live.waitFor(
        (r) => r.changes.some((c) => c.type === 'upsert' && c.driver.id === driver.id && c.driver.erasedAt !== null),
        'the erased entry on the socket',
      );

      // what Postgres holds: no positions, no identity, no name or note on the link
      expect(await positionRows(bed.database.url, driver.id)).toHaveLength(0);
      const [row] = await queryDatabase(bed.database.url, `SELECT * FROM drivers WHERE id = $1`, [driver.id]);
      for (const column of ['telegram_user_id', 'telegram_chat_id', 'telegram_username', 'telegram_first_name', 'telegram_last_name', 'language_code', 'last_latitude']) {
        expect({ column, value: row[column] }).toEqual({ column, value: null });
      }
      const links = await queryDatabase(bed.database.url, `SELECT driver_name, note, redeemed_telegram_user_id, revoked_at FROM links WHERE redeemed_by_driver_id = $1`, [driver.id]);
      expect(links).toEqual([{ driver_name: 'Erased driver', note: null, redeemed_telegram_user_id: null, revoked_at: expect.any(Date) }]);
      const everything = JSON.stringify(await queryDatabase(bed.database.url, `SELECT d.*, l.* FROM drivers d LEFT JOIN links l ON l.redeemed_by_driver_id = d.id WHERE d.id = $1`, [driver.id]));
      for (const personal of ['Leaves', 'Forever', 'leaves_forever', String(user.id)]) expect(everything).not.toContain(personal);

      // the bot no longer knows them: a location is not stored, the old link does not bring them back
      bed.telegram.pushUpdate(bed.updates.location(user, { latitude: 50.3, longitude: 14.4 }));
      await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === user.id && String(c.params['text']).includes('I don’t know you yet'), 10_000);
      bed.telegram.pushUpdate(bed.updates.command(user, '/start', token));
      await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === user.id && String(c.params['text']).includes('withdrawn'), 10_000);
      expect(await positionRows(bed.database.url, driver.id)).toHaveLength(0);
      expect((await bed.admin.get<DriverDto[]>('/api/drivers')).body.filter((d) => d.id === driver.id)).toHaveLength(1);
    } finally {
      live.close();
    }
  });

  it('a question answered after a dispatcher erased the driver meanwhile is out of date', async () => {
    const user = telegramUser();
    const { driver } = await joinedDriver('Old Question', user);
    const question = await askDelete(user);
    expect((await bed.admin.post(`/api/drivers/${driver.id}/erase`, { confirmName: 'Old Question' })).status).toBe(200);
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.callbackQuery(user, buttonData(question, 'Yes'), question)), 10_000);
    const edit = await bed.telegram.waitForCall('editMessageText', (c) => c.params['chat_id'] === user.id && c.params['message_id'] === question.message_id, 10_000);
    expect(String(edit.params['text'])).toContain('out of date');
    expect((await bed.admin.get<DriverDto>(`/api/drivers/${driver.id}`)).body.erasedBy).toBe('dispatcher');
  });
});

describe('a dispatcher erases a driver’s data from the dashboard', () => {
  let bed: TelegramTestbed;

  beforeAll(async () => {
    bed = await startTelegramTestbed('erasure_dispatcher', 'webhook');
  });
  afterAll(() => bed?.close());

  it('needs the driver’s name typed exactly and the dispatcher role; then erases like /delete', async () => {
    const user = telegramUser({ first_name: 'Petr', username: 'petr_drives' });
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Petr Svoboda', note: 'home: Main St 5' });
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(user, '/start', link.body.token)), 10_000);
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.location(user, { latitude: 49.2, longitude: 16.6 })), 10_000);
    const driver = (await bed.admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.name === 'Petr Svoboda') as DriverDto;

    await bed.admin.post('/api/users', { email: 'viewer@convoy.test', password: 'viewer-password-1', role: 'viewer' });
    const viewer = await new ApiClient(bed.api.baseUrl).login('viewer@convoy.test', 'viewer-password-1');
    expect((await viewer.post(`/api/drivers/${driver.id}/erase`, { confirmName: 'Petr Svoboda' })).status).toBe(403);

    const wrong = await bed.admin.post<ErrorResponse>(`/api/drivers/${driver.id}/erase`, { confirmName: 'Petr' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('ERASURE_NOT_CONFIRMED');
    expect((await bed.admin.post(`/api/drivers/${driver.id}/erase`, {})).status).toBe(400);
    expect((await bed.admin.post('/api/drivers/00000000-0000-4000-8000-000000000000/erase', { confirmName: 'x' })).status).toBe(404);
    expect((await bed.admin.get<DriverDto>(`/api/drivers/${driver.id}`)).body.erasedAt).toBeNull();

    const erased = await bed.admin.post<DriverDto>(`/api/drivers/${driver.id}/erase`, { confirmName: 'Petr Svoboda' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ name: 'Erased driver', erasedBy: 'dispatcher', telegram: null, lastPosition: null });
    expect(await positionRows(bed.database.url, driver.id)).toHaveLength(0);
    const [linkRow] = await queryDatabase(bed.database.url, `SELECT note, driver_name FROM links WHERE id = $1`, [link.body.id]);
    expect(linkRow).toEqual({ note: null, driver_name: 'Erased driver' });

    // idempotent; the entry cannot be renamed back to a person; it can still be deleted
    expect((await bed.admin.post<DriverDto>(`/api/drivers/${driver.id}/erase`, { confirmName: 'whatever' })).body.erasedBy).toBe('dispatcher');
    expect((await bed.admin.patch<ErrorResponse>(`/api/drivers/${driver.id}`, { name: 'Petr again' })).body.code).toBe('DRIVER_ERASED');

    // the driver's phone keeps streaming: nothing is stored any more
    bed.telegram.pushUpdate(bed.updates.location(user, { latitude: 49.3, longitude: 16.6 }));
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === user.id && String(c.params['text']).includes('I don’t know you yet'), 10_000);
    expect(await positionRows(bed.database.url, driver.id)).toHaveLength(0);
    expect((await bed.admin.delete(`/api/drivers/${driver.id}`)).status).toBe(204);
  });
});
