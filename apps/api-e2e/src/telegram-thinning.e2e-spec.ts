import type { CreatedLinkResponse, DriverDto } from '@convoy/contracts';
import {
  connectLive,
  FakeTelegramClock,
  LIVE_PERIOD_INDEFINITE,
  TelegramUpdateFactory,
  telegramUser,
  type LiveRecorder,
} from '@convoy/testing';
import { positionRows } from './support/positions-in-db';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';

describe('AUTO_TRACK_INTERVAL thins a live stream’s history, never its latest position', () => {
  let bed: TelegramTestbed;
  let live: LiveRecorder;

  beforeAll(async () => {
    bed = await startTelegramTestbed('thinning', 'webhook', { AUTO_TRACK_INTERVAL: '60' });
    live = await connectLive(bed.api.baseUrl, bed.adminToken);
  });
  afterAll(async () => {
    live?.close();
    await bed?.close();
  });

  it('stores one point per interval (and every late one), while the map follows every edit', async () => {
    // the session began an hour ago, so two minutes of edits 10 s apart are all in the past
    const updates = new TelegramUpdateFactory({ messageIds: bed.telegram, clock: new FakeTelegramClock(Math.floor(Date.now() / 1000) - 3600) });
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Thinned' });
    const user = telegramUser();
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(updates.command(user, '/start', link.body.token)));
    const driverId = ((await bed.admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.name === 'Thinned') as DriverDto).id;

    const start = bed.telegram.pushUpdate(updates.liveLocationStart(user, { latitude: 48, longitude: 11, live_period: LIVE_PERIOD_INDEFINITE }));
    await bed.telegram.waitForConfirmed(start);
    const t0 = start.message.date;
    for (let s = 10; s <= 130; s += 10) {
      const edit = updates.liveLocationEdit(user, start, { latitude: 48 + s / 1000, longitude: 11, edit_date: t0 + s });
      await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(edit));
    }
    // a late edit (Telegram delivered it after a newer one) is history, and does not move the marker
    const late = updates.liveLocationEdit(user, start, { latitude: 48.125, longitude: 11, edit_date: t0 + 125 });
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(late));

    const history = (await positionRows(bed.database.url, driverId)).map((p) => p.latitude);
    expect(history).toEqual([48, 48.06, 48.12, 48.125]);
    const me = await bed.admin.get<DriverDto>(`/api/drivers/${driverId}`);
    expect(me.body.lastPosition).toMatchObject({ latitude: 48.13 });
    await live.waitFor((r) => r.positions.filter((p) => p.driverId === driverId).length >= 15, 'every edit on the live feed');
  });
});
