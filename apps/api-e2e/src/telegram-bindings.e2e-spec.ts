import type { CreatedLinkResponse, DriverDto } from '@convoy/contracts';
import { LIVE_PERIOD_INDEFINITE, telegramUser, type TelegramUserFixture } from '@convoy/testing';
import type { Update } from 'telegraf/types';
import { positionRows } from './support/positions-in-db';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';

/**
 * Each instance remembers which driver a Telegram user is (so a live edit costs no lookup). Two
 * instances share one Postgres and no Redis here: a /stop, a new link or a deletion handled by one
 * must count at once on the other, whose memory still says otherwise.
 */
describe('a Telegram binding changed on one instance counts at once on another', () => {
  let a: TelegramTestbed;
  let b: TelegramTestbed;

  beforeAll(async () => {
    a = await startTelegramTestbed('bindings', 'webhook');
    b = await startTelegramTestbed('bindings_b', 'webhook', {}, a.database, { firstUpdateId: 900_000_001 });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Pushes an update through an instance's Telegram and waits until that instance answered it. */
  async function send<U extends Update>(bed: TelegramTestbed, update: U): Promise<U> {
    const pushed = bed.telegram.pushUpdate(update);
    await bed.telegram.waitForConfirmed(pushed);
    return pushed;
  }

  async function reply(bed: TelegramTestbed, user: TelegramUserFixture, text: string): Promise<void> {
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === user.id && String(c.params['text']).includes(text), 10_000);
  }

  async function join(bed: TelegramTestbed, user: TelegramUserFixture, name: string): Promise<string> {
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: name });
    await send(bed, bed.updates.command(user, '/start', link.body.token));
    await reply(bed, user, `as “${name}”`);
    const drivers = await bed.admin.get<DriverDto[]>('/api/drivers');
    return (drivers.body.find((d) => d.name === name) as DriverDto).id;
  }

  /** Joins through A and streams a live location through A, so A remembers the binding. */
  async function streamingOnA(name: string) {
    const user = telegramUser({ first_name: name });
    const driverId = await join(a, user, name);
    const start = await send(a, a.updates.liveLocationStart(user, { latitude: 52.5, longitude: 13.4, live_period: LIVE_PERIOD_INDEFINITE }));
    let second = start.message.date;
    const editOnA = (latitude: number) =>
      send(a, a.updates.liveLocationEdit(user, start, { latitude, longitude: 13.4, edit_date: (second += 10) }));
    await editOnA(52.501);
    await editOnA(52.502); // served from A's memory
    expect((await positionRows(a.database.url, driverId)).map((p) => p.latitude)).toEqual([52.5, 52.501, 52.502]);
    return { user, driverId, editOnA };
  }

  const storedUpdate = async (update: Update) =>
    (await positionRows(a.database.url)).filter((p) => Number(p.telegram_update_id) === update.update_id);

  it('stores nothing more for a driver who sent /stop to the other instance', async () => {
    const { user, driverId, editOnA } = await streamingOnA('Stops on B');
    await send(b, b.updates.command(user, '/stop'));
    await reply(b, user, 'Tracking stopped');

    const after = await editOnA(52.503); // the phone still shares its live location
    expect(await storedUpdate(after)).toEqual([]);
    expect((await positionRows(a.database.url, driverId)).map((p) => p.latitude)).toEqual([52.5, 52.501, 52.502]);
  });

  it('sends the next point to the new driver when the user joined again through the other instance', async () => {
    const { user, driverId, editOnA } = await streamingOnA('Old name');
    await send(b, b.updates.command(user, '/stop'));
    const newDriverId = await join(b, user, 'New name');
    expect(newDriverId).not.toBe(driverId);

    const after = await editOnA(52.51);
    expect((await positionRows(a.database.url, newDriverId)).map((p) => p.latitude)).toEqual([52.51]);
    expect((await positionRows(a.database.url, driverId)).map((p) => p.latitude)).toEqual([52.5, 52.501, 52.502]);
    const drivers = await a.admin.get<DriverDto[]>('/api/drivers');
    expect(drivers.body.find((d) => d.id === newDriverId)).toMatchObject({ lastPosition: { latitude: 52.51 } });
    expect(await storedUpdate(after)).toHaveLength(1);
  });

  it('stores nothing for a driver deleted through the other instance, and answers Telegram 200', async () => {
    const { editOnA, driverId } = await streamingOnA('Deleted on B');
    expect((await b.admin.delete(`/api/drivers/${driverId}`)).status).toBe(204);

    const after = await editOnA(52.52); // send() waited for A's 200: a 5xx would be retried, not confirmed
    expect(await storedUpdate(after)).toEqual([]);
    expect((await a.admin.get(`/api/drivers/${driverId}`)).status).toBe(404);
  });

  it('on the same instance too: /stop, then the still-running live location stores nothing', async () => {
    const { user, driverId, editOnA } = await streamingOnA('Stops on A');
    await send(a, a.updates.command(user, '/stop'));
    const after = await editOnA(52.53);
    expect(await storedUpdate(after)).toEqual([]);
    expect(await positionRows(a.database.url, driverId)).toHaveLength(3);
  });
});
