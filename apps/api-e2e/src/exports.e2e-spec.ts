import { MAX_HISTORY_RANGE_DAYS, type ErrorResponse, type PositionHistoryDto } from '@convoy/contracts';
import { ApiClient, TEST_ADMIN } from '@convoy/testing';
import { Client } from 'pg';
import { startFreshApi, type FreshApi } from './support/fresh-api';
import { seedDriverWithTrack } from './support/seed-positions';

const POINTS = 12_000;
const EXPORT_RATE_LIMIT = 12;

describe('exports contain every point, streamed; ranges and requests stay bounded', () => {
  let fresh: FreshApi;
  let admin: ApiClient;
  let driverId: string;
  const end = new Date(Date.now() - 60_000);
  const from = new Date(end.getTime() - 6 * 3_600_000).toISOString();
  const to = end.toISOString();

  beforeAll(async () => {
    fresh = await startFreshApi('exports', { EXPORT_RATE_LIMIT: String(EXPORT_RATE_LIMIT), DATABASE_STATEMENT_TIMEOUT_MS: '1500' });
    admin = await new ApiClient(fresh.api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    driverId = await seedDriverWithTrack(fresh.database.url, 'Jan & <Truck 7>', POINTS, end);
  });
  afterAll(() => fresh?.close());

  const range = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

  it('thins JSON history for the map and says how', async () => {
    const history = await admin.get<PositionHistoryDto>(`/api/drivers/${driverId}/positions?${range}`);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ total: POINTS, downsampled: true, maxPoints: 5000, thinningStep: 3 });
    expect(history.body.positions.length).toBeLessThanOrEqual(5001);
    expect(history.body.positions.at(-1)?.recordedAt).toBe(new Date(end.getTime()).toISOString());
  });

  it('answers the map history as the PositionHistoryDto, every field of every point as stored', async () => {
    const driver = await seedDriverWithTrack(fresh.database.url, 'Short hop', 0, end);
    const at = (s: number) => new Date(end.getTime() - s * 1000);
    const client = new Client({ connectionString: fresh.database.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO positions (driver_id, latitude, longitude, accuracy, speed, heading, recorded_at, source) VALUES
           ($1, 50.087451234567891, 14.421253, 12.3, 0.000034, 359, $2, 'osmand'), ($1, -0.00001, 0, NULL, NULL, NULL, $3, 'telegram-checkin')`,
        [driver, at(60), at(0)],
      );
    } finally {
      await client.end();
    }
    const history = await admin.get<PositionHistoryDto>(`/api/drivers/${driver}/positions?${range}`);
    expect(history.status).toBe(200);
    expect(history.headers.get('content-type')).toContain('application/json');
    expect(history.body).toEqual({
      driverId: driver,
      from,
      to,
      total: 2,
      downsampled: false,
      maxPoints: 5000,
      thinningStep: 1,
      positions: [
        { driverId: driver, latitude: 50.087451234567894, longitude: 14.421253, accuracy: 12.3, heading: 359, speed: 0.000034, recordedAt: at(60).toISOString(), source: 'osmand', battery: null, altitude: null },
        { driverId: driver, latitude: -0.00001, longitude: 0, accuracy: null, heading: null, speed: null, recordedAt: at(0).toISOString(), source: 'telegram-checkin', battery: null, altitude: null },
      ],
    });
    const empty = await admin.get<PositionHistoryDto>(`/api/drivers/${driver}/positions?from=${at(3600).toISOString()}&to=${at(3000).toISOString()}`);
    expect(empty.body).toMatchObject({ total: 0, downsampled: false, thinningStep: 1, positions: [] });
  });

  it(`exports all ${POINTS.toLocaleString('en')} points as CSV, GPX and GeoJSON (not a thinned 5,000)`, async () => {
    const csv = await admin.get<string>(`/api/drivers/${driverId}/positions?${range}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="Jan_Truck_7_-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body.trim().split('\n');
    expect(lines).toHaveLength(POINTS + 1);
    expect(lines[0]).toBe('recorded_at,latitude,longitude,accuracy_m,speed_mps,heading_deg,source');
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).toBe(POINTS);

    const gpx = await admin.get<string>(`/api/drivers/${driverId}/positions?${range}&format=gpx`);
    expect(gpx.headers.get('content-type')).toContain('application/gpx+xml');
    expect(gpx.body.match(/<trkpt /g)).toHaveLength(POINTS);
    expect(gpx.body).toContain('<name>Jan &amp; &lt;Truck 7&gt;</name>');
    expect(gpx.body.trim().endsWith('</gpx>')).toBe(true);

    const geo = await admin.get<GeoJson>(`/api/drivers/${driverId}/positions?${range}&format=geojson`);
    expect(geo.headers.get('content-type')).toContain('application/geo+json');
    expectValidGeoJson(geo.body);
    expect(geo.body.features[0].geometry).toMatchObject({ type: 'LineString' });
    expect(geo.body.features[0].geometry.coordinates).toHaveLength(POINTS);
    expect(geo.body.features.filter((f) => f.geometry.type === 'Point')).toHaveLength(POINTS);
  });

  it('keeps GeoJSON valid RFC 7946 for a range with one point and with none', async () => {
    const last = new Date(end.getTime()).toISOString();
    const one = await admin.get<GeoJson>(`/api/drivers/${driverId}/positions?from=${last}&to=${last}&format=geojson`);
    expect(one.status).toBe(200);
    expectValidGeoJson(one.body);
    expect(one.body.features).toHaveLength(1);
    expect(one.body.features[0].geometry.type).toBe('Point');

    const before = new Date(end.getTime() - 30 * 86_400_000).toISOString();
    const none = await admin.get<GeoJson>(`/api/drivers/${driverId}/positions?from=${before}&to=${before}&format=geojson`);
    expect(none.status).toBe(200);
    expectValidGeoJson(none.body);
    expect(none.body.features).toEqual([]);
  });

  it('answers the map history of an unknown driver with a 404 and a malformed id with a 400, for JSON and files alike', async () => {
    for (const format of ['json', 'csv']) {
      const unknown = await admin.get<ErrorResponse>(`/api/drivers/00000000-0000-4000-8000-000000000000/positions?${range}&format=${format}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ code: 'DRIVER_NOT_FOUND' });
      expect((await admin.get(`/api/drivers/not-a-uuid/positions?${range}&format=${format}`)).status).toBe(400);
    }
  });

  it(`refuses a range longer than ${MAX_HISTORY_RANGE_DAYS} days with a clear 400, for JSON and files alike`, async () => {
    const longFrom = new Date(end.getTime() - (MAX_HISTORY_RANGE_DAYS * 86_400_000 + 1000)).toISOString();
    for (const format of ['json', 'csv', 'geojson']) {
      const answer = await admin.get<ErrorResponse>(`/api/drivers/${driverId}/positions?from=${longFrom}&to=${to}&format=${format}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'RANGE_TOO_LONG', message: expect.stringContaining(`${MAX_HISTORY_RANGE_DAYS} days`) });
    }
    const exactly = new Date(end.getTime() - MAX_HISTORY_RANGE_DAYS * 86_400_000).toISOString();
    expect((await admin.get(`/api/drivers/${driverId}/positions?from=${exactly}&to=${to}`)).status).toBe(200);
  });

  it('rate-limits file exports per user (429 with Retry-After), not the map history, not other users', async () => {
    await admin.post('/api/users', { email: 'exporter@convoy.test', password: 'exporter-password-1', role: 'viewer' });
    const exporter = await new ApiClient(fresh.api.baseUrl).login('exporter@convoy.test', 'exporter-password-1');
    const statuses: number[] = [];
    for (let i = 0; i < EXPORT_RATE_LIMIT + 1; i++) {
      const answer = await exporter.get<string>(`/api/drivers/${driverId}/positions?from=${to}&to=${to}&format=csv`);
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(answer.body).toMatchObject({ code: 'EXPORT_RATE_LIMITED' });
      }
    }
    expect(statuses.slice(0, EXPORT_RATE_LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await exporter.get(`/api/drivers/${driverId}/positions?from=${to}&to=${to}`)).status).toBe(200);
    expect((await admin.get(`/api/drivers/${driverId}/positions?from=${to}&to=${to}&format=csv`)).status).toBe(200);
  });

  it('streams a big export to a slow client: the download is not cut off by statement_timeout', async () => {
    const rows = 150_000;
    const bigId = await seedDriverWithTrack(fresh.database.url, 'Long haul', rows, end);
    const longFrom = new Date(end.getTime() - rows * 1000).toISOString();
    const response = await fetch(`${fresh.api.baseUrl}/api/drivers/${bigId}/positions?from=${longFrom}&to=${to}&format=csv`, {
      headers: { authorization: `Bearer ${await admin.login(TEST_ADMIN.email, TEST_ADMIN.password).then((c) => tokenOf(c))}` },
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    let paused = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (!paused) {
        paused = true;
        await new Promise((r) => setTimeout(r, 2500)); // longer than DATABASE_STATEMENT_TIMEOUT_MS (1.5 s)
      }
    }
    expect(text.trim().split('\n')).toHaveLength(rows + 1);
  });

  it('gives the connection back when a client leaves mid-download: the COPY ends on the server, later exports work', async () => {
    const rows = 60_000;
    const haulId = await seedDriverWithTrack(fresh.database.url, 'Aborted haul', rows, end);
    await admin.post('/api/users', { email: 'aborter@convoy.test', password: 'aborter-password-1', role: 'viewer' });
    const token = tokenOf(await new ApiClient(fresh.api.baseUrl).login('aborter@convoy.test', 'aborter-password-1'));
    const url = `${fresh.api.baseUrl}/api/drivers/${haulId}/positions?from=${new Date(end.getTime() - rows * 1000).toISOString()}&to=${to}&format=csv`;
    // more aborted downloads than the API's pool has connections (10): a leaked one would starve the next
    for (let i = 0; i < EXPORT_RATE_LIMIT - 1; i++) {
      const controller = new AbortController();
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
      expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      expect((await reader.read()).value?.byteLength).toBeGreaterThan(0);
      controller.abort();
      await reader.closed.catch(() => undefined);
    }
    await untilNoCopyRuns(fresh.database.url);
    const whole = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(whole.status).toBe(200);
    expect((await whole.text()).trim().split('\n')).toHaveLength(rows + 1);
  });

  it('runs every query under statement_timeout: a request stuck behind a lock gets 503, not a hung connection', async () => {
    const blocker = new Client({ connectionString: fresh.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE positions IN ACCESS EXCLUSIVE MODE');
      const stuck = await admin.get<ErrorResponse>(`/api/drivers/${driverId}/positions?${range}`);
      expect(stuck.status).toBe(503);
      expect(stuck.body).toMatchObject({ code: 'QUERY_TIMEOUT' });
      const stuckExport = await admin.get<ErrorResponse>(`/api/drivers/${driverId}/positions?${range}&format=csv`);
      expect(stuckExport.status).toBe(503);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    expect((await admin.get(`/api/drivers/${driverId}/positions?${range}`)).status).toBe(200);
  });
});

/** Waits until no backend of the test database runs an export's COPY (an aborted one ends when its connection closes). */
async function untilNoCopyRuns(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'COPY (%'`,
      );
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await client.end();
  }
}

/** The bearer token of a signed-in ApiClient (for a raw fetch). */
function tokenOf(client: ApiClient): string {
  return (client as unknown as { token: string }).token;
}

interface GeoJson {
  type: string;
  features: Array<{ type: string; properties: unknown; geometry: { type: string; coordinates: unknown } }>;
}

/** The RFC 7946 rules a reader checks: a FeatureCollection of Features, LineStrings of ≥ 2 positions, [lon, lat] in range. */
function expectValidGeoJson(doc: GeoJson): void {
  expect(doc.type).toBe('FeatureCollection');
  expect(Array.isArray(doc.features)).toBe(true);
  const isPosition = (p: unknown) =>
    Array.isArray(p) && p.length >= 2 && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
  for (const feature of doc.features) {
    expect(feature.type).toBe('Feature');
    expect(feature).toHaveProperty('properties');
    if (feature.geometry.type === 'LineString') {
      const coordinates = feature.geometry.coordinates as unknown[];
      expect(coordinates.length).toBeGreaterThanOrEqual(2);
      expect(coordinates.every(isPosition)).toBe(true);
    } else {
      expect(feature.geometry.type).toBe('Point');
      expect(isPosition(feature.geometry.coordinates)).toBe(true);
    }
  }
}
