import type { CreatedLinkResponse, DriverDto, JoinLinkInfo, JoinResponse, PositionHistoryDto } from '@convoy/contracts';
import { ApiClient, TEST_ADMIN } from '@convoy/testing';
import { Client } from 'pg';
import { startFreshApi, type FreshApi } from './support/fresh-api';

interface StoredPoint {
  latitude: number;
  longitude: number;
  speed: number | null;
  heading: number | null;
  battery: number | null;
  altitude: number | null;
  accuracy: number | null;
  recorded_at: Date;
  source: string;
}

/** Drivers without Telegram (issue #13): the browser page and GPS apps, through the same ingest path. */
describe('driver channels: browser and GPS apps', () => {
  let fresh: FreshApi;
  let admin: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    fresh = await startFreshApi('driver_channels', { TELEGRAM_BOT_USERNAME: undefined });
    anonymous = new ApiClient(fresh.api.baseUrl);
    admin = await anonymous.login(TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(() => fresh?.close());

  async function stored(driverId: string): Promise<StoredPoint[]> {
    const client = new Client({ connectionString: fresh.database.url });
    await client.connect();
    try {
      const result = await client.query<StoredPoint>(
        'SELECT latitude, longitude, speed, heading, battery, altitude, accuracy, recorded_at, source FROM positions WHERE driver_id = $1 ORDER BY recorded_at, id',
        [driverId],
      );
      return result.rows;
    } finally {
      await client.end();
    }
  }

  async function join(channel: 'browser' | 'app', name = 'Eva'): Promise<{ link: CreatedLinkResponse; joined: JoinResponse }> {
    const link = (await admin.post<CreatedLinkResponse>('/api/links', { driverName: name })).body;
    const response = await anonymous.post<JoinResponse>(`/api/join/${link.token}`, { channel });
    expect(response.status).toBe(201);
    return { link, joined: response.body };
  }

  const osmand = (query: string, init: RequestInit = {}) => fetch(`${fresh.api.baseUrl}/ingest/osmand?${query}`, init);
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

  it('shows the join page its link, redeems it once, and keeps it for the browser holding its key', async () => {
    const link = (await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Jan' })).body;
    const info = await anonymous.get<JoinLinkInfo>(`/api/join/${link.token}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ driverName: 'Jan', telegramUrl: null, state: 'pending' });

    const joined = await anonymous.post<JoinResponse>(`/api/join/${link.token}`, { channel: 'browser' });
    expect(joined.status).toBe(201);
    expect(joined.body.driverId).toBe(link.driverId); // the id the link reserved
    expect(joined.body.deviceKey).toMatch(/^cvd_[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(joined.body.ingest).toEqual({
      osmandUrl: `${fresh.api.baseUrl}/ingest/osmand`,
      owntracksUrl: `${fresh.api.baseUrl}/ingest/owntracks`,
      trackUrl: `${fresh.api.baseUrl}/api/track`,
    });
    const bearer = { authorization: `Bearer ${joined.body.deviceKey}` };

    // used: 410 for everyone else, the page and a second redemption alike; the same browser resumes
    expect((await anonymous.get(`/api/join/${link.token}`)).status).toBe(410);
    expect((await anonymous.post(`/api/join/${link.token}`, { channel: 'app' })).body).toMatchObject({ statusCode: 410, code: 'LINK_ALREADY_USED' });
    expect((await anonymous.get<JoinLinkInfo>(`/api/join/${link.token}`, bearer)).body).toMatchObject({ state: 'redeemed', driverName: 'Jan' });
    const again = await anonymous.post<JoinResponse>(`/api/join/${link.token}`, { channel: 'browser' }, bearer);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ driverId: link.driverId, deviceKey: joined.body.deviceKey });
    expect((await admin.get<DriverDto[]>('/api/drivers')).body.filter((d) => d.name === 'Jan')).toHaveLength(1);

    // unknown, revoked
    expect((await anonymous.get('/api/join/unknown-token-unknown-token-1234')).body).toMatchObject({ statusCode: 404, code: 'LINK_NOT_FOUND' });
    const revoked = (await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'R' })).body;
    await admin.delete(`/api/links/${revoked.id}`);
    expect((await anonymous.get(`/api/join/${revoked.token}`)).body).toMatchObject({ statusCode: 410, code: 'LINK_REVOKED' });
    expect((await anonymous.post(`/api/join/${revoked.token}`, { channel: 'browser' })).status).toBe(410);
    expect((await anonymous.post(`/api/join/${link.token}`, { channel: 'car' })).status).toBe(400);
  });

  it('answers the /join/<token> page with the status the link deserves', async () => {
    const page = (token: string) => fetch(`${fresh.api.baseUrl}/join/${token}`, { headers: { accept: 'text/html' } });
    const link = (await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Page' })).body;
    expect((await page(link.token)).status).toBe(200);
    expect((await page('unknown-token-unknown-token-1234')).status).toBe(404);
    await anonymous.post(`/api/join/${link.token}`, { channel: 'app' });
    expect((await page(link.token)).status).toBe(410);
  });

  it('the browser: track one point or a batch, then Stop = sharing ended', async () => {
    const { joined } = await join('browser', 'Browser driver');
    const bearer = { authorization: `Bearer ${joined.deviceKey}` };
    const t = Date.now() - 20_000;
    const one = await anonymous.post(
      '/api/track',
      { lat: 52.52, lon: 13.405, accuracy: 8, heading: 90, speed: 12.5, altitude: 34, battery: 81, recordedAt: new Date(t).toISOString() },
      bearer,
    );
    expect(one).toMatchObject({ status: 200, body: { accepted: 1 } });
    const batch = await anonymous.post(
      '/api/track',
      [52.521, 52.522].map((lat, i) => ({ lat, lon: 13.405, recordedAt: new Date(t + (i + 1) * 1000).toISOString() })),
      bearer,
    );
    expect(batch.body).toEqual({ accepted: 2 });

    const driver = (await admin.get<DriverDto>(`/api/drivers/${joined.driverId}`)).body;
    expect(driver).toMatchObject({ channel: 'browser', status: 'live', lastPosition: { latitude: 52.522, source: 'browser' } });
    const rows = await stored(joined.driverId);
    expect(rows.map((r) => r.latitude)).toEqual([52.52, 52.521, 52.522]);
    expect(rows[0]).toMatchObject({ speed: 12.5, heading: 90, battery: 81, altitude: 34, accuracy: 8 });

    expect((await anonymous.request('DELETE', '/api/track', undefined, bearer)).status).toBe(204);
    expect((await admin.get<DriverDto>(`/api/drivers/${joined.driverId}`)).body.status).toBe('sharing-ended');
    expect((await anonymous.post('/api/track', { lat: 1, lon: 2, recordedAt: new Date().toISOString() })).status).toBe(401);
    expect((await anonymous.post('/api/track', { lat: 91, lon: 2, recordedAt: new Date().toISOString() }, bearer)).status).toBe(400);
  });

  it("stores Traccar Client's query forms (Unix s, Unix ms, ISO, location=) with speed in m/s and battery kept", async () => {
    const { joined } = await join('app', 'Traccar driver');
    const key = encodeURIComponent(joined.deviceKey);
    const base = Date.now() - 10 * 60_000;
    const at = (i: number) => new Date(base + i * 60_000);
    expect((await osmand(`id=${key}&timestamp=${seconds(at(0))}&lat=52.5&lon=13.4&speed=10&bearing=45&altitude=38&accuracy=5&batt=76`)).status).toBe(200);
    expect((await osmand(`id=${key}&timestamp=${at(1).getTime()}&lat=52.51&lon=13.41&speed=0`)).status).toBe(200);
    expect((await osmand(`deviceid=${key}&timestamp=${encodeURIComponent(at(2).toISOString())}&lat=52.52&lon=13.42`, { method: 'POST' })).status).toBe(200);
    expect((await osmand(`id=${key}&timestamp=${seconds(at(3))}&location=${encodeURIComponent('52.53,13.43')}&batt=70`)).status).toBe(200);
    // a form POST, as GPSLogger can send it
    const form = await fetch(`${fresh.api.baseUrl}/ingest/osmand`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=${key}&timestamp=${seconds(at(4))}&lat=52.54&lon=13.44&speed=-1&bearing=-1`,
    });
    expect(form.status).toBe(200);

    const rows = await stored(joined.driverId);
    expect(rows.map((r) => [r.latitude, r.longitude])).toEqual([
      [52.5, 13.4],
      [52.51, 13.41],
      [52.52, 13.42],
      [52.53, 13.43],
      [52.54, 13.44],
    ]);
    expect(rows.map((r) => r.recorded_at.getTime())).toEqual([0, 1, 2, 3, 4].map((i) => Math.floor(at(i).getTime() / 1000) * 1000 + (i === 1 || i === 2 ? at(i).getTime() % 1000 : 0)));
    expect(rows[0]).toMatchObject({ speed: 5.14, heading: 45, altitude: 38, accuracy: 5, battery: 76, source: 'osmand' }); // 10 kn = 5.14 m/s
    expect(rows[1].speed).toBe(0);
    expect(rows[4]).toMatchObject({ heading: null, battery: null });
    const driver = (await admin.get<DriverDto>(`/api/drivers/${joined.driverId}`)).body;
    expect(driver).toMatchObject({ channel: 'app', lastPosition: { latitude: 52.54, battery: null } });
  });

  it("stores Traccar Client's JSON body and an OsmAnd request without timestamp", async () => {
    const { joined } = await join('app', 'JSON driver');
    const recordedAt = new Date(Date.now() - 30_000).toISOString();
    const json = await fetch(`${fresh.api.baseUrl}/ingest/osmand`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        location: {
          timestamp: recordedAt,
          coords: { latitude: 48.1372, longitude: 11.5756, accuracy: 6, speed: 13.9, heading: -1, altitude: 519 },
          is_moving: true,
          odometer: 1200,
          battery: { level: 0.64, is_charging: false },
        },
        device_id: joined.deviceKey,
      }),
    });
    expect(json.status).toBe(200);
    const before = Date.now();
    expect((await osmand(`id=${encodeURIComponent(joined.deviceKey)}&lat=48.14&lon=11.58`)).status).toBe(200);
    const rows = await stored(joined.driverId);
    expect(rows[0]).toMatchObject({ latitude: 48.1372, longitude: 11.5756, speed: 13.9, heading: null, battery: 64, altitude: 519 });
    expect(rows[1].latitude).toBe(48.14);
    expect(rows[1].recorded_at.getTime()).toBeGreaterThanOrEqual(before - 1000); // no timestamp: received now
  });

  it('stores an OwnTracks location (vel km/h → m/s), ignores other messages, answers []', async () => {
    const { joined } = await join('app', 'OwnTracks driver');
    const auth = `Basic ${Buffer.from(`eva:${joined.deviceKey}`).toString('base64')}`;
    const send = (body: unknown, authorization = auth) =>
      fetch(`${fresh.api.baseUrl}/ingest/owntracks`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
    const tst = Math.floor(Date.now() / 1000) - 20;
    const located = await send({ _type: 'location', tid: 'ev', lat: 50.0875, lon: 14.4213, tst, acc: 9, vel: 36, cog: 270, alt: 200, batt: 42 });
    expect(located.status).toBe(200);
    expect(await located.json()).toEqual([]);
    expect((await send({ _type: 'transition', event: 'leave', tst })).status).toBe(200);
    expect(await stored(joined.driverId)).toEqual([
      expect.objectContaining({ latitude: 50.0875, longitude: 14.4213, speed: 10, heading: 270, battery: 42, altitude: 200, source: 'owntracks' }),
    ]);
    expect((await send({ _type: 'location', lat: 1, lon: 2, tst }, `Basic ${Buffer.from('eva:wrong').toString('base64')}`)).status).toBe(401);
  });

  it('refuses unknown keys and points > 5 min ahead, stores nothing', async () => {
    const { joined } = await join('app', 'Careful driver');
    const unknown = await osmand(`id=cvd_${'A'.repeat(43)}&lat=1&lon=2`);
    expect(unknown.status).toBe(401);
    expect((await osmand(`id=123456&lat=1&lon=2`)).status).toBe(401);
    const future = await osmand(`id=${encodeURIComponent(joined.deviceKey)}&lat=1&lon=2&timestamp=${seconds(new Date(Date.now() + 6 * 60_000))}`);
    expect(future.status).toBe(400);
    expect(await stored(joined.driverId)).toEqual([]);
  });

  it('lands a late buffered batch in history order, keeps the latest moving forward, stores a resend once', async () => {
    const { joined } = await join('app', 'Dead zone driver');
    const key = encodeURIComponent(joined.deviceKey);
    const now = Date.now();
    // the newest point arrives first; the buffer of the dead zone follows, newest first
    expect((await osmand(`id=${key}&timestamp=${seconds(new Date(now - 5_000))}&lat=10&lon=10`)).status).toBe(200);
    for (const minutes of [3, 4, 2]) {
      expect((await osmand(`id=${key}&timestamp=${seconds(new Date(now - minutes * 60_000))}&lat=${10 - minutes / 10}&lon=10`)).status).toBe(200);
    }
    // the app did not get an answer once and sends the same point again
    expect((await osmand(`id=${key}&timestamp=${seconds(new Date(now - 4 * 60_000))}&lat=9.6&lon=10`)).status).toBe(200);
    expect((await stored(joined.driverId)).map((r) => r.latitude)).toEqual([9.6, 9.7, 9.8, 10]);
    expect((await admin.get<DriverDto>(`/api/drivers/${joined.driverId}`)).body.lastPosition?.latitude).toBe(10);
    const history = await admin.get<PositionHistoryDto>(`/api/drivers/${joined.driverId}/positions`);
    expect(history.body.positions.map((p) => p.latitude)).toEqual([9.6, 9.7, 9.8, 10]);
  });

  it('a dispatcher disconnects a device: its key stops at once, the history stays', async () => {
    const { joined } = await join('app', 'Revoked driver');
    const key = encodeURIComponent(joined.deviceKey);
    expect((await osmand(`id=${key}&lat=1&lon=2`)).status).toBe(200);
    const viewer = admin; // dispatcher+ only: an anonymous caller is refused
    expect((await anonymous.delete(`/api/drivers/${joined.driverId}/device`)).status).toBe(401);
    expect((await viewer.delete(`/api/drivers/${joined.driverId}/device`)).status).toBe(204);
    expect((await osmand(`id=${key}&lat=3&lon=4`)).status).toBe(401);
    const auth = `Basic ${Buffer.from(`x:${joined.deviceKey}`).toString('base64')}`;
    const owntracks = await fetch(`${fresh.api.baseUrl}/ingest/owntracks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({ _type: 'location', lat: 5, lon: 6, tst: Math.floor(Date.now() / 1000) }),
    });
    expect(owntracks.status).toBe(401);
    expect((await stored(joined.driverId)).map((r) => r.latitude)).toEqual([1]);
    expect((await admin.get<DriverDto>(`/api/drivers/${joined.driverId}`)).body).toMatchObject({ channel: null, status: 'sharing-ended' });
    expect((await admin.delete('/api/drivers/00000000-0000-4000-8000-000000000000/device')).status).toBe(404);
  });

  it("erasing a driver's data forgets their device: the key stops, no channel redeems their link again", async () => {
    const { link, joined } = await join('browser', 'Leaving driver');
    const bearer = { authorization: `Bearer ${joined.deviceKey}` };
    const point = { lat: 52.5, lon: 13.4, battery: 64, altitude: 40, recordedAt: new Date(Date.now() - 5_000).toISOString() };
    expect((await anonymous.post('/api/track', point, bearer)).body).toEqual({ accepted: 1 });

    const erased = await admin.post<DriverDto>(`/api/drivers/${joined.driverId}/erase`, { confirmName: 'Leaving driver' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ erasedBy: 'dispatcher', channel: null, lastPosition: null });

    // the key the browser holds no longer works, through any ingest route
    expect((await anonymous.post('/api/track', { ...point, recordedAt: new Date().toISOString() }, bearer)).status).toBe(401);
    expect((await osmand(`id=${encodeURIComponent(joined.deviceKey)}&lat=1&lon=2`)).status).toBe(401);
    // the link is withdrawn: the same browser (old key) does not resume it, nor a new browser, an app or the page
    expect((await anonymous.post(`/api/join/${link.token}`, { channel: 'browser' }, bearer)).body).toMatchObject({ statusCode: 410, code: 'LINK_REVOKED' });
    expect((await anonymous.post(`/api/join/${link.token}`, { channel: 'app' })).status).toBe(410);
    expect((await anonymous.get(`/api/join/${link.token}`, bearer)).status).toBe(410);

    // nothing of the device or its points is left in Postgres (battery and altitude went with the positions)
    const client = new Client({ connectionString: fresh.database.url });
    await client.connect();
    try {
      const devices = await client.query('SELECT 1 FROM driver_devices WHERE driver_id = $1', [joined.driverId]);
      expect(devices.rowCount).toBe(0);
      const row = await client.query('SELECT channel, last_battery, last_altitude, last_latitude FROM drivers WHERE id = $1', [joined.driverId]);
      expect(row.rows[0]).toEqual({ channel: null, last_battery: null, last_altitude: null, last_latitude: null });
    } finally {
      await client.end();
    }
    expect(await stored(joined.driverId)).toEqual([]);
  });

  it('lets an app flush a buffer in a burst, then answers 429 with Retry-After', async () => {
    const { joined } = await join('app', 'Burst driver');
    const key = encodeURIComponent(joined.deviceKey);
    const start = Date.now() - 20 * 60_000;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => osmand(`id=${key}&timestamp=${seconds(new Date(start + i * 10_000))}&lat=${i}&lon=0`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    let limited: Response | null = null;
    for (let i = 0; i < 60 && !limited; i++) {
      const answer = await osmand(`id=${key}&timestamp=${seconds(new Date(start + (20 + i) * 10_000))}&lat=1&lon=${i}`);
      if (answer.status === 429) limited = answer;
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('seed rows: username and last_update, drivers without a position listed with nulls', async () => {
    const { joined } = await join('app', 'Seed row driver');
    const rows = (await admin.get<Array<Record<string, unknown>>>('/api/all-drivers')).body;
    expect(rows.find((r) => r['driver_id'] === joined.driverId)).toMatchObject({
      username: 'Seed row driver',
      latitude: null,
      longitude: null,
      last_update: null,
    });
    expect((await admin.get(`/api/driver-location/${joined.driverId}`)).body).toBeNull();
    await osmand(`id=${encodeURIComponent(joined.deviceKey)}&lat=7&lon=8&batt=50`);
    const located = (await admin.get<Record<string, unknown>>(`/api/driver-location/${joined.driverId}`)).body;
    expect(located).toMatchObject({ driver_id: joined.driverId, latitude: 7, longitude: 8, battery: 50, last_update: expect.any(String) });
  });
});
