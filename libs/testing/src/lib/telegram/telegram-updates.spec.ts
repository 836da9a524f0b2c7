import { FakeTelegramClock } from './telegram-clock';
import { LIVE_PERIOD_INDEFINITE, TelegramUpdateFactory, groupChat, privateChat, telegramUser } from './telegram-updates';

describe('TelegramUpdateFactory', () => {
  const clock = new FakeTelegramClock(1_750_000_000);
  const driver = telegramUser({ first_name: 'Lena', username: 'lena_drives', language_code: 'de' });
  let updates: TelegramUpdateFactory;

  beforeEach(() => {
    clock.set(1_750_000_000);
    updates = new TelegramUpdateFactory({ clock, firstUpdateId: 10 });
  });

  it('builds a private chat from the user, omitting absent fields rather than sending null', () => {
    const anonymous = telegramUser({ last_name: undefined, language_code: undefined });
    expect(privateChat(driver)).toEqual({ id: driver.id, type: 'private', first_name: 'Lena', last_name: driver.last_name, username: 'lena_drives' });
    expect(Object.keys(updates.textMessage(anonymous, 'x').message.from)).toEqual(['id', 'is_bot', 'first_name']);
  });

  it('marks /start with a bot_command entity covering the command only, payload after a space', () => {
    const update = updates.command(driver, 'start', 'AbC-123_xyz');
    expect(update).toEqual({
      update_id: 10,
      message: {
        message_id: 1,
        from: { id: driver.id, is_bot: false, first_name: 'Lena', last_name: driver.last_name, username: 'lena_drives', language_code: 'de' },
        chat: privateChat(driver),
        date: 1_750_000_000,
        text: '/start AbC-123_xyz',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    });
    expect(updates.command(driver, '/help').message).toMatchObject({ message_id: 2, text: '/help', entities: [{ length: 5 }] });
  });

  it('follows a live location from start through moves to the stop Telegram sends', () => {
    const start = updates.liveLocationStart(driver, { latitude: 48.137, longitude: 11.575, live_period: 900, horizontal_accuracy: 12 });
    clock.advance(30);
    const move = updates.liveLocationEdit(driver, start, { latitude: 48.14, longitude: 11.58, heading: 90 });
    const later = updates.liveLocationEdit(driver, start.message, { latitude: 48.15, longitude: 11.59, edit_date: 1_750_000_100 });
    clock.advance(200);
    const stop = updates.liveLocationStopped(driver, start);

    expect(start.message.location).toEqual({ latitude: 48.137, longitude: 11.575, horizontal_accuracy: 12, live_period: 900 });
    expect(move).toEqual({
      update_id: 11,
      edited_message: {
        message_id: start.message.message_id,
        from: start.message.from,
        chat: start.message.chat,
        date: 1_750_000_000,
        edit_date: 1_750_000_030,
        location: { latitude: 48.14, longitude: 11.58, live_period: 900, heading: 90 },
      },
    });
    expect(later.edited_message).toMatchObject({ edit_date: 1_750_000_100, location: { live_period: 900 } });
    expect(stop.edited_message.location).toEqual({ latitude: 48.15, longitude: 11.59 });
    expect(stop.edited_message).toMatchObject({ message_id: start.message.message_id, date: 1_750_000_000, edit_date: 1_750_000_230 });
  });

  it('refuses to edit a one-off location as if it were live', () => {
    const checkIn = updates.location(driver, { latitude: 1, longitude: 2 });
    expect(checkIn.message.location).toEqual({ latitude: 1, longitude: 2 });
    expect(() => updates.liveLocationEdit(driver, checkIn, { latitude: 1, longitude: 2 })).toThrow(/liveLocationStart/);
  });

  it('supports indefinite live locations', () => {
    const start = updates.liveLocationStart(driver, { latitude: 0, longitude: 0, live_period: LIVE_PERIOD_INDEFINITE });
    expect(start.message.location).toMatchObject({ live_period: 0x7fffffff });
  });

  it('builds venues with both venue and location, photos in several sizes, group messages and callback queries', () => {
    const venue = updates.venue(driver, { latitude: 52.5, longitude: 13.4, title: 'Depot', address: 'Hafenstr. 1' });
    expect(venue.message.location).toEqual({ latitude: 52.5, longitude: 13.4 });
    expect(venue.message.venue).toEqual({ location: { latitude: 52.5, longitude: 13.4 }, title: 'Depot', address: 'Hafenstr. 1' });

    const photo = updates.photo(driver, 'my truck');
    expect(photo.message.photo.map((size) => size.width)).toEqual([90, 320, 800, 1280]);
    expect(photo.message.caption).toBe('my truck');

    const group = groupChat('Night shift');
    const inGroup = updates.groupMessage(driver, 'hello all', group);
    expect(inGroup.message.chat).toEqual({ id: group.id, type: 'group', title: 'Night shift' });
    expect(inGroup.message.chat.id).toBeLessThan(0);

    const press = updates.callbackQuery(driver, 'stop', venue.message);
    expect(press.callback_query).toMatchObject({ data: 'stop', from: { id: driver.id }, message: venue.message });
    expect(press.callback_query.id).toMatch(/^\d+$/);
  });

  it('numbers messages per chat and updates globally', () => {
    const other = telegramUser();
    const a1 = updates.textMessage(driver, 'a');
    const b1 = updates.textMessage(other, 'b');
    const a2 = updates.textMessage(driver, 'c');
    expect([a1.message.message_id, b1.message.message_id, a2.message.message_id]).toEqual([1, 1, 2]);
    expect([a1.update_id, b1.update_id, a2.update_id]).toEqual([10, 11, 12]);
  });
});
