import type { ConvoyEvent, ConvoyEventType, CreatedLinkResponse, DriverDto, JoinResponse } from '@convoy/contracts';
import { ApiClient, startApi, telegramUser, type ApiProcess } from '@convoy/testing';
import { Client } from 'pg';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';

interface StoredEvent {
  type: ConvoyEventType;
  data: Record<string, unknown>;
  occurred_at: Date;
}

/** 3 s: short enough to watch a driver go quiet; both replicas look every second. */
const QUIET_AFTER_MINUTES = '0.05';
const SPEEDING_KMH = '100';

/**
 * The driver events of the stream (issue #10), as the outbox holds them: each written with what
 * caused it, once — with two replicas (A takes Telegram, both take the browser page's points and
 * both watch for quiet drivers) on one database.
 */
describe('driver events: joined, sharing, quiet/back, speeding — once each, across two replicas', () => {
  let bed: TelegramTestbed;
  let b: ApiProcess;
  let db: Client;
  let replicas: ApiClient[];

  beforeAll(async () => {
    const env = { QUIET_AFTER_MINUTES, SPEEDING_KMH };
    bed = await startTelegramTestbed('driver_events', 'webhook', env);
    b = await startApi({ databaseUrl: bed.database.url, env });
    replicas = [new ApiClient(bed.api.baseUrl), new ApiClient(b.baseUrl)];
    db = new Client({ connectionString: bed.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await b?.stop();
    await bed?.close();
  });

  async function eventsOf(driverId: string, type?: ConvoyEventType): Promise<StoredEvent[]> {
    const rows = await db.query<StoredEvent>('SELECT type, data, occurred_at FROM events WHERE driver_id = $1 ORDER BY seq', [driverId]);
    return rows.rows.filter((row) => type === undefined || row.type === type);
  }

  async function waitForEvent(driverId: string, type: ConvoyEventType, timeoutMs = 10_000): Promise<StoredEvent> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [event] = await eventsOf(driverId, type);
      if (event) return event;
      if (Date.now() > until) throw new Error(`no ${type} for driver ${driverId} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** A driver on the join page's browser channel. */
  async function browserDriver(name: string): Promise<{ driverId: string; bearer: Record<string, string> }> {
    const link = (await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: name })).body;
    const joined = await replicas[1].post<JoinResponse>(`/api/join/${link.token}`, { channel: 'browser' });
    expect(joined.status).toBe(201);
    return { driverId: joined.body.driverId, bearer: { authorization: `Bearer ${joined.body.deviceKey}` } };
  }

  const point = (recordedAt: number, extra: Record<string, number> = {}) => ({
    lat: 52.52,
    lon: 13.405 + (recordedAt % 100_000) / 1e7,
    recordedAt: new Date(recordedAt).toISOString(),
    ...extra,
  });

  it('the join page: driver.joined with the redemption, driver.sharing_started with the first point, sharing_ended on Stop', async () => {
    const { driverId, bearer } = await browserDriver('Eva');
    const joined = await waitForEvent(driverId, 'driver.joined');
    expect(joined.data).toEqual({ driver: { id: driverId, name: 'Eva' }, channel: 'browser' });

    expect((await replicas[0].post('/api/track', point(Date.now()), bearer)).status).toBe(200);
    expect((await replicas[1].post('/api/track', point(Date.now() + 1), bearer)).status).toBe(200);
    expect((await replicas[0].request('DELETE', '/api/track', undefined, bearer)).status).toBe(204);
    expect((await replicas[1].request('DELETE', '/api/track', undefined, bearer)).status).toBe(204); // again: nothing new

    const types = (await eventsOf(driverId)).map((e) => e.type).filter((t) => t !== 'driver.went_quiet' && t !== 'driver.back');
    expect(types).toEqual(['driver.joined', 'driver.sharing_started', 'driver.sharing_ended']);
    expect((await eventsOf(driverId, 'driver.sharing_started'))[0].data).toMatchObject({ channel: 'browser', liveUntil: null });
    expect((await eventsOf(driverId, 'driver.sharing_ended'))[0].data).toMatchObject({ channel: 'browser', reason: 'stopped' });
  });

  it('Telegram: /start → joined, live location → sharing_started (until when), the final edit → sharing_ended', async () => {
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Jan' });
    const user = telegramUser({ first_name: 'Jan' });
    await bed.telegram.waitForDelivered(bed.telegram.pushUpdate(bed.updates.command(user, '/start', link.body.token)), 10_000);
    const driverId = link.body.driverId;
    expect((await waitForEvent(driverId, 'driver.joined')).data).toMatchObject({ channel: 'telegram', driver: { name: 'Jan' } });

    const start = bed.telegram.pushUpdate(bed.updates.liveLocationStart(user, { latitude: 50.08, longitude: 14.42, live_period: 3600 }));
    const started = await waitForEvent(driverId, 'driver.sharing_started');
    expect(started.data).toMatchObject({ channel: 'telegram', liveUntil: new Date((start.message.date + 3600) * 1000).toISOString() });
    bed.telegram.pushUpdate(bed.updates.liveLocationEdit(user, start, { latitude: 50.081, longitude: 14.421, edit_date: start.message.date + 1 }));
    bed.telegram.pushUpdate(bed.updates.liveLocationStopped(user, start, { edit_date: start.message.date + 2 }));
    expect((await waitForEvent(driverId, 'driver.sharing_ended')).data).toMatchObject({ channel: 'telegram', reason: 'stopped' });
    expect(await eventsOf(driverId, 'driver.sharing_started')).toHaveLength(1);
    expect(await eventsOf(driverId, 'driver.sharing_ended')).toHaveLength(1);
  });

  it('quiet: one driver.went_quiet per silence although both replicas watch, then driver.back with the next point', async () => {
    const { driverId, bearer } = await browserDriver('Quiet Quentin');
    const lastPoint = Date.now();
    expect((await replicas[0].post('/api/track', point(lastPoint), bearer)).status).toBe(200);
    const quiet = await waitForEvent(driverId, 'driver.went_quiet');
    expect(quiet.data).toEqual({
      driver: { id: driverId, name: 'Quiet Quentin' },
      lastPositionAt: new Date(lastPoint).toISOString(),
      quietMinutes: 0.05,
    });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // three more looks by each replica
    expect(await eventsOf(driverId, 'driver.went_quiet')).toHaveLength(1);

    const backAt = Date.now();
    expect((await replicas[1].post('/api/track', point(backAt), bearer)).status).toBe(200);
    const back = await waitForEvent(driverId, 'driver.back');
    expect(back.data).toMatchObject({ driver: { id: driverId }, position: { lat: 52.52 } });
    expect(back.data['quietSeconds']).toBeGreaterThanOrEqual(3);
    expect(new Date(back.occurred_at).getTime()).toBe(backAt);
    expect(await eventsOf(driverId, 'driver.back')).toHaveLength(1);
  });

  it('speeding: over SPEEDING_KMH for 30 s is one driver.speeding, whichever replica takes each point', async () => {
    const { driverId, bearer } = await browserDriver('Speedy');
    const t0 = Date.now() - 70_000;
    // 144 km/h from t0 to t0+50 s (the event at t0+30 s), a drop, then 20 s fast again (too short)
    const speeds = [40, 40, 40, 41, 45, 40, 20, 40, 40, 40];
    for (const [i, speed] of speeds.entries()) {
      const response = await replicas[i % 2].post('/api/track', point(t0 + i * 10_000, { speed }), bearer);
      expect(response.status).toBe(200);
    }
    const speeding = await eventsOf(driverId, 'driver.speeding');
    expect(speeding).toHaveLength(1);
    expect(speeding[0].data).toMatchObject({
      driver: { id: driverId, name: 'Speedy' },
      speedKmh: 147.6,
      maxSpeedKmh: 147.6,
      thresholdKmh: 100,
      since: new Date(t0).toISOString(),
    });
    expect(new Date(speeding[0].occurred_at).getTime()).toBe(t0 + 30_000);
  });

  it('a dispatcher disconnecting the device ends sharing (device-disconnected); erasure forgets the driver\'s events', async () => {
    const { driverId, bearer } = await browserDriver('Leaving Lena');
    expect((await replicas[0].post('/api/track', point(Date.now()), bearer)).status).toBe(200);
    await waitForEvent(driverId, 'driver.sharing_started');
    expect((await bed.admin.request('DELETE', `/api/drivers/${driverId}/device`)).status).toBe(204);
    expect((await waitForEvent(driverId, 'driver.sharing_ended')).data).toMatchObject({ reason: 'device-disconnected', channel: 'browser' });

    const erasedDriver = await browserDriver('Erased Erik');
    expect((await replicas[1].post('/api/track', point(Date.now()), erasedDriver.bearer)).status).toBe(200);
    await waitForEvent(erasedDriver.driverId, 'driver.sharing_started');
    const erased = await bed.admin.post<DriverDto>(`/api/drivers/${erasedDriver.driverId}/erase`, { confirmName: 'Erased Erik' });
    expect(erased.status).toBeLessThan(300);
    const left = await eventsOf(erasedDriver.driverId);
    expect(left.map((e) => [e.type, e.data['reason']])).toEqual([['driver.sharing_ended', 'erased']]);
    expect(JSON.stringify(left)).not.toContain('Erased Erik');
  });

  it('GET /api/events: filtered, newest first; polling with `after` answers what came since, oldest first', async () => {
    const { driverId, bearer } = await browserDriver('Polled Paul');
    expect((await replicas[0].post('/api/track', point(Date.now()), bearer)).status).toBe(200);
    await waitForEvent(driverId, 'driver.sharing_started');
    const mine = await bed.admin.get<ConvoyEvent[]>(`/api/events?driverId=${driverId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.slice(-2).map((e) => e.type)).toEqual(['driver.sharing_started', 'driver.joined']);
    expect(mine.body.at(-1)).toMatchObject({ driverId, data: { driver: { name: 'Polled Paul' }, channel: 'browser' } });
    const joinedOnly = await bed.admin.get<ConvoyEvent[]>(`/api/events?type=driver.joined&limit=2`);
    expect(joinedOnly.body.map((e) => e.type)).toEqual(['driver.joined', 'driver.joined']);

    await new Promise((resolve) => setTimeout(resolve, 2500)); // polling holds back the last 2 s
    const first = (await bed.admin.get<ConvoyEvent[]>(`/api/events?limit=500`)).body.at(-1) as ConvoyEvent;
    const since = await bed.admin.get<ConvoyEvent[]>(`/api/events?after=${first.id}&limit=500`);
    const ids = since.body.map((e) => e.id);
    const between = await db.query<{ id: string }>(
      `SELECT id FROM events WHERE seq > (SELECT seq FROM events WHERE id = $1) AND seq <= (SELECT seq FROM events WHERE id = $2) ORDER BY seq`,
      [first.id, ids.at(-1)],
    );
    expect(ids).toEqual(between.rows.map((row) => row.id)); // oldest first, no gap
    expect(ids).toContain(mine.body.find((e) => e.type === 'driver.sharing_started')?.id);
    expect((await bed.admin.get(`/api/events?after=${driverId}`)).body).toMatchObject({ statusCode: 400, code: 'EVENTS_UNKNOWN_CURSOR' });
    expect((await bed.admin.get(`/api/events?type=driver.nope`)).status).toBe(400);
  });

  it('every event is dispatched, none twice', async () => {
    const until = Date.now() + 10_000;
    let pending = -1;
    while (pending !== 0 && Date.now() < until) {
      pending = Number((await db.query('SELECT count(*) FROM events WHERE dispatched_at IS NULL')).rows[0].count);
      if (pending !== 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(pending).toBe(0);
    const ids = (await db.query<{ id: string }>('SELECT id FROM events')).rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
