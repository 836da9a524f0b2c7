import type { CreatedLinkResponse, DriverDto, PositionHistoryDto } from '@convoy/contracts';
import { connectLive, LIVE_PERIOD_INDEFINITE, telegramUser, type LiveRecorder } from '@convoy/testing';
import { startTelegramTestbed, type BotMode, type TelegramTestbed } from './support/telegram-api';

describe.each<BotMode>(['webhook', 'polling'])('a driver joins by link and is tracked live (%s mode)', (mode) => {
  let bed: TelegramTestbed;
  let live: LiveRecorder;

  beforeAll(async () => {
    bed = await startTelegramTestbed(`journey_${mode}`, mode, { TIME_ZONE: 'Europe/Berlin' });
    live = await connectLive(bed.api.baseUrl, bed.adminToken);
  });
  afterAll(async () => {
    live?.close();
    await bed?.close();
  });

  it('follows the whole journey: link → /start → live location → edits → stop', async () => {
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Jan Novák', note: 'truck 7' });
    expect(link.status).toBe(201);
    expect(link.body.url).toBe(`https://t.me/${bed.telegram.botInfo.username}?start=${link.body.token}`);

    // the driver opens the link: Telegram sends /start <token>
    const driver = telegramUser({ first_name: 'Jan', username: 'jan_driver' });
    bed.telegram.pushUpdate(bed.updates.command(driver, '/start', link.body.token));
    const welcome = await bed.telegram.waitForCall('sendMessage', (c) => String(c.params['text']).includes('connected to Convoy'), 10_000);
    expect(welcome.params['chat_id']).toBe(driver.id);
    expect(JSON.stringify(welcome.params['reply_markup'])).toContain('"request_location":true');

    const drivers = await bed.admin.get<DriverDto[]>('/api/drivers');
    const joined = drivers.body.find((d) => d.telegram?.userId === driver.id) as DriverDto;
    expect(joined).toMatchObject({ name: 'Jan Novák', status: 'offline', telegram: { username: 'jan_driver' } });
    await live.waitFor((r) => r.changes.some((c) => c.type === 'upsert' && c.driver.id === joined.id), 'the new driver on the socket');

    // live location: start + three moves
    const start = bed.telegram.pushUpdate(
      bed.updates.liveLocationStart(driver, { latitude: 50.08, longitude: 14.42, live_period: LIVE_PERIOD_INDEFINITE, horizontal_accuracy: 15 }),
    );
    const path = [
      [50.081, 14.421],
      [50.082, 14.423],
      [50.084, 14.426],
    ];
    const t0 = start.message.date;
    for (const [i, [latitude, longitude]] of path.entries()) {
      bed.telegram.pushUpdate(bed.updates.liveLocationEdit(driver, start, { latitude, longitude, heading: 45, edit_date: t0 + 10 * (i + 1) }));
    }
    await live.waitFor((r) => r.positions.filter((p) => p.driverId === joined.id).length >= 4, 'four positions over the socket');
    const received = live.positions.filter((p) => p.driverId === joined.id);
    expect(received.map((p) => [p.latitude, p.longitude])).toEqual([[50.08, 14.42], ...path]);
    expect(received.map((p) => p.source)).toEqual(['telegram-live', 'telegram-live', 'telegram-live', 'telegram-live']);
    expect(received[3].speed).toBeGreaterThan(0);

    const all = await bed.admin.get<Array<Record<string, unknown>>>('/api/all-drivers');
    expect(all.body.find((d) => d['driver_id'] === joined.id)).toMatchObject({ latitude: 50.084, longitude: 14.426, status: 'live' });
    const seed = await bed.admin.get(`/api/driver-location/${joined.id}`);
    expect(seed.body).toMatchObject({ latitude: 50.084, heading: 45 });

    // the driver stops sharing: Telegram's final edit has no live_period
    bed.telegram.pushUpdate(bed.updates.liveLocationStopped(driver, start, { edit_date: t0 + 45 }));
    await live.waitFor(
      (r) => r.changes.some((c) => c.type === 'upsert' && c.driver.id === joined.id && c.driver.status === 'sharing-ended'),
      'sharing-ended on the socket',
    );
    const stopped = (await bed.admin.get<DriverDto>(`/api/drivers/${joined.id}`)).body;
    expect(stopped.status).toBe('sharing-ended');
    expect(Date.parse(stopped.sharingEndedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(stopped.lastPosition?.recordedAt ?? ''));

    const history = await bed.admin.get<PositionHistoryDto>(`/api/drivers/${joined.id}/positions`);
    expect(history.body.positions.map((p) => p.latitude)).toEqual([50.08, 50.081, 50.082, 50.084]);
    expect(history.body).toMatchObject({ total: 4, downsampled: false });
    const gpx = await fetch(`${bed.api.baseUrl}/api/drivers/${joined.id}/positions?format=gpx`, {
      headers: { authorization: `Bearer ${bed.adminToken}` },
    });
    expect(gpx.headers.get('content-type')).toContain('application/gpx+xml');
    expect((await gpx.text()).match(/<trkpt /g)).toHaveLength(4);

    // every update was acknowledged to Telegram
    await bed.telegram.waitForConfirmed(bed.telegram.pendingUpdates.at(-1)?.update_id ?? 0).catch(() => undefined);
    expect(bed.telegram.pendingUpdates).toHaveLength(0);
  });

  it('one-off location is a check-in; /status and /help answer', async () => {
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Eva' });
    const eva = telegramUser({ first_name: 'Eva', language_code: 'de' });
    bed.telegram.pushUpdate(bed.updates.command(eva, '/start', link.body.token));
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === eva.id, 10_000);

    bed.telegram.pushUpdate(bed.updates.location(eva, { latitude: 48.2, longitude: 16.37 }));
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === eva.id && String(c.params['text']).includes('Standort erhalten'), 10_000);
    const drivers = await bed.admin.get<DriverDto[]>('/api/drivers');
    expect(drivers.body.find((d) => d.name === 'Eva')?.lastPosition).toMatchObject({ latitude: 48.2, source: 'telegram-checkin' });

    bed.telegram.pushUpdate(bed.updates.command(eva, '/status'));
    const status = await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === eva.id && String(c.params['text']).includes('Standortmeldung'), 10_000);
    expect(String(status.params['text'])).toMatch(/\b\d\d:\d\d CES?T\b/); // TIME_ZONE=Europe/Berlin
    bed.telegram.pushUpdate(bed.updates.command(eva, '/help'));
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === eva.id && String(c.params['text']).includes('/stop'), 10_000);
  });

  it('after /stop the location keyboard goes away, and reopening the same link resumes the same driver', async () => {
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Resumes' });
    const olga = telegramUser({ first_name: 'Olga' });
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(olga, '/start', link.body.token)), 10_000);
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.location(olga, { latitude: 52.1, longitude: 13.1 })), 10_000);
    const before = (await bed.admin.get<DriverDto[]>('/api/drivers')).body.filter((d) => d.name === 'Resumes');
    expect(before).toHaveLength(1);

    bed.telegram.pushUpdate(bed.updates.command(olga, '/stop'));
    const stopped = await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === olga.id && String(c.params['text']).includes('Tracking stopped'), 10_000);
    expect(JSON.stringify(stopped.params['reply_markup'])).toContain('"remove_keyboard":true');

    const calls = bed.telegram.calls;
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(olga, '/start', link.body.token)), 10_000);
    await bed.telegram.waitForCall(
      'sendMessage',
      (c) => c.params['chat_id'] === olga.id && String(c.params['text']).includes('connected to Convoy') && calls.indexOf(c) > calls.indexOf(stopped),
      10_000,
    );
    const after = (await bed.admin.get<DriverDto[]>('/api/drivers')).body.filter((d) => d.name === 'Resumes');
    expect(after.map((d) => d.id)).toEqual([before[0].id]);
    expect(after[0].telegram?.userId).toBe(olga.id);
    expect(after[0].lastPosition).toMatchObject({ latitude: 52.1 });
  });

  it('refuses reused, revoked and expired links politely', async () => {
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Single use' });
    const first = telegramUser();
    const second = telegramUser();
    bed.telegram.pushUpdate(bed.updates.command(first, '/start', link.body.token));
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === first.id, 10_000);
    bed.telegram.pushUpdate(bed.updates.command(second, '/start', link.body.token));
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === second.id && String(c.params['text']).includes('already been used'), 10_000);

    const revoked = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Revoked' });
    await bed.admin.delete(`/api/links/${revoked.body.id}`);
    const third = telegramUser();
    bed.telegram.pushUpdate(bed.updates.command(third, '/start', revoked.body.token));
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === third.id && String(c.params['text']).includes('withdrawn'), 10_000);

    const fourth = telegramUser();
    bed.telegram.pushUpdate(bed.updates.command(fourth, '/start', 'this-token-does-not-exist-anywhere-000'));
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === fourth.id && String(c.params['text']).includes('not valid'), 10_000);

    // the same driver opening a fresh link is re-bound, not duplicated
    const again = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Single use (renamed)' });
    bed.telegram.pushUpdate(bed.updates.command(first, '/start', again.body.token));
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === first.id && String(c.params['text']).includes('renamed'), 10_000);
    const drivers = await bed.admin.get<DriverDto[]>('/api/drivers');
    expect(drivers.body.filter((d) => d.telegram?.userId === first.id)).toHaveLength(1);
  });
});
