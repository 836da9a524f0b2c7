import { Client } from 'pg';
import type { CreatedLinkResponse, DriverDto, JoinResponse, PlaceDto, StopDto, TripDto, VisitDto } from '@convoy/contracts';
import {
  ApiClient,
  connectLive,
  createTestDatabase,
  freePort,
  LoadBalancer,
  startApi,
  testPostgresServerUrl,
  TEST_ADMIN,
  type ApiProcess,
  type LiveRecorder,
  type TestDatabase,
} from '@convoy/testing';

const redisUrl = process.env['REDIS_URL'] ?? process.env['TEST_REDIS_URL'];
const M_LAT = 1 / 111_195;
const M_LON = 1 / (111_195 * Math.cos((52.52 * Math.PI) / 180));
const DEPOT = { lat: 52.52, lon: 13.405 };
const CUSTOMER_A = { lat: 52.52 + 3000 * M_LAT, lon: 13.405 }; // 3 km north
const CUSTOMER_B = { lat: CUSTOMER_A.lat, lon: 13.405 + 2000 * M_LON }; // then 2 km east

/**
 * Visits detected live, as Kubernetes runs Convoy: two replicas on one Postgres and one Redis. A
 * driver's GPS app (OsmAnd protocol) drives depot → customer A → customer B → depot, each point
 * posted to the other replica than the one before, while a dashboard listens on replica B.
 * Each arrival and departure is recorded once (visits table and outbox), reaches the dashboard once,
 * shows as the driver's current place, and matches the stops the reports compute from history.
 */
describe('visits detected live across two replicas', () => {
  let database: TestDatabase;
  let balancer: LoadBalancer;
  let a: ApiProcess;
  let b: ApiProcess;
  let admin: ApiClient;
  let adminToken: string;
  let dashboard: LiveRecorder;
  let driverId: string;
  let places: Record<'depot' | 'a' | 'b', PlaceDto>;
  const posted = { a: 0, b: 0 };
  const startedAt = Math.floor(Date.now() / 1000) - 3 * 3600;

  beforeAll(async () => {
    if (!redisUrl) throw new Error('This test needs Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379).');
    database = await createTestDatabase(testPostgresServerUrl(), 'visits');
    const [portA, portB] = [await freePort(), await freePort()];
    const env = (port: number) => ({ AUTO_TRACK_INTERVAL: '0', REDIS_URL: redisUrl, REDIS_PREFIX: `visits-${database.name}`, PORT: String(port) });
    a = await startApi({ databaseUrl: database.url, port: portA, env: env(portA) });
    b = await startApi({ databaseUrl: database.url, port: portB, env: env(portB) });
    balancer = new LoadBalancer([a.baseUrl, b.baseUrl]);
    await balancer.start(await freePort());
    adminToken = (await new ApiClient(balancer.url).post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN)).body.accessToken;
    admin = new ApiClient(balancer.url, adminToken);

    // places created through replica A; B learns them by notification
    const onA = new ApiClient(a.baseUrl, adminToken);
    const create = async (body: object) => (await onA.post<PlaceDto>('/api/places', body)).body;
    const square = (c: { lat: number; lon: number }, m: number) => [
      [c.lon - m * M_LON, c.lat - m * M_LAT],
      [c.lon + m * M_LON, c.lat - m * M_LAT],
      [c.lon + m * M_LON, c.lat + m * M_LAT],
      [c.lon - m * M_LON, c.lat + m * M_LAT],
      [c.lon - m * M_LON, c.lat - m * M_LAT],
    ];
    places = {
      depot: await create({ name: 'Depot North', kind: 'depot', center: DEPOT, radiusM: 150 }),
      a: await create({ name: 'Customer Müller', kind: 'customer', center: CUSTOMER_A, radiusM: 100 }),
      b: await create({ name: 'Customer Schmidt', kind: 'customer', polygon: { type: 'Polygon', coordinates: [square(CUSTOMER_B, 120)] } }),
    };
    await new Promise((resolve) => setTimeout(resolve, 300));

    const link = (await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Aziz' })).body;
    const joined = (await new ApiClient(balancer.url).post<JoinResponse>(`/api/join/${link.token}`, { channel: 'app' })).body;
    driverId = joined.driverId;
    dashboard = await connectLive(b.baseUrl, adminToken);

    let t = startedAt;
    let here = DEPOT;
    let turn = 0;
    const send = async (to: { lat: number; lon: number }, afterSeconds: number, accuracy = 8) => {
      t += afterSeconds;
      here = to;
      const replica = turn++ % 2 === 0 ? 'a' : 'b';
      const url = `${(replica === 'a' ? a : b).baseUrl}/ingest/osmand?id=${encodeURIComponent(joined.deviceKey)}&timestamp=${t}&lat=${to.lat}&lon=${to.lon}&accuracy=${accuracy}`;
      for (;;) {
        const response = await fetch(url, { method: 'POST' });
        if (response.status === 429) {
          await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
          continue;
        }
        expect(response.status).toBe(200);
        posted[replica] += 1;
        return;
      }
    };
    const park = async (minutes: number) => {
      // a parked phone: a fix a minute, wandering a few metres (well inside the place)
      for (let s = 60; s <= minutes * 60; s += 60) await send({ lat: here.lat + ((s / 60) % 2 ? 4 : -4) * M_LAT, lon: here.lon }, 60, 12);
    };
    const drive = async (to: { lat: number; lon: number }) => {
      const from = here;
      const steps = Math.round(Math.hypot((to.lat - from.lat) / M_LAT, (to.lon - from.lon) / M_LON) / 150); // 54 km/h, a fix every 10 s
      for (let i = 1; i <= steps; i++) await send({ lat: from.lat + ((to.lat - from.lat) * i) / steps, lon: from.lon + ((to.lon - from.lon) * i) / steps }, 10);
    };
    await send(DEPOT, 0);
    await park(10);
    await drive(CUSTOMER_A);
    await park(15);
    await drive(CUSTOMER_B);
    await park(20);
    await drive(DEPOT);
    await park(10);
  }, 180_000);

  afterAll(async () => {
    dashboard?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await balancer?.stop();
    await database?.drop();
  });

  const range = () => `from=${new Date((startedAt - 60) * 1000).toISOString()}&to=${new Date().toISOString()}`;
  const at = (iso: string | null) => (iso === null ? null : Date.parse(iso) / 1000 - startedAt);

  it('lists the four visits of the route, the last one still open, and the same as CSV', async () => {
    expect(posted.a).toBeGreaterThan(40);
    expect(posted.b).toBeGreaterThan(40);
    const visits = (await admin.get<VisitDto[]>(`/api/visits?driverId=${driverId}&${range()}`)).body;
    expect(visits.map((v) => v.placeId)).toEqual([places.depot.id, places.a.id, places.b.id, places.depot.id]);
    expect(visits.map((v) => v.departedAt === null)).toEqual([false, false, false, true]);
    expect(at(visits[0].arrivedAt)).toBe(0); // the first position was inside
    expect(visits[1]).toMatchObject({ driverId, driverName: 'Aziz', placeName: 'Customer Müller' });
    expect(Math.round(visits[1].dwellSeconds / 60)).toBeGreaterThanOrEqual(15);
    expect(Math.round(visits[1].dwellSeconds / 60)).toBeLessThanOrEqual(16);
    expect(visits[3].dwellSeconds).toBeGreaterThan(3 * 3600 - 60 * 60); // open: until now
    const byPlace = (await admin.get<VisitDto[]>(`/api/visits?placeId=${places.depot.id}&${range()}`)).body;
    expect(byPlace.map((v) => v.id)).toEqual([visits[0].id, visits[3].id]);

    const csv = await fetch(`${balancer.url}/api/visits?driverId=${driverId}&${range()}&format=csv`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('id,driver_id,driver_name,place_id,place_name,arrived_at,departed_at,dwell_seconds');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain(',Aziz,');
    expect(lines[2]).toContain(',Customer Müller,');
    expect(lines[4]).toMatch(/,,\d+$/); // still there: no departure

    expect((await admin.get(`/api/visits?driverId=nope`)).status).toBe(400);
    expect((await admin.get(`/api/visits?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z`)).body).toMatchObject({ code: 'RANGE_TOO_LONG' });
  });

  it('records each arrival and departure exactly once: visits table and outbox events', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      expect((await client.query(`SELECT count(*)::int AS n FROM visits`)).rows[0].n).toBe(4);
      const events = (await client.query(`SELECT type, data->>'visitId' AS visit FROM events WHERE type LIKE 'visit.%' ORDER BY seq`)).rows;
      expect(events.filter((e) => e.type === 'visit.arrived')).toHaveLength(4);
      expect(events.filter((e) => e.type === 'visit.departed')).toHaveLength(3);
      expect(new Set(events.map((e) => `${e.type}/${e.visit}`)).size).toBe(7);
    } finally {
      await client.end();
    }
  });

  it('tells the dashboard on replica B each arrival and departure once, whichever replica decided it', async () => {
    await dashboard.waitFor((d) => d.visits.length >= 7, 'seven visit changes');
    expect(dashboard.visits.map((c) => `${c.type} ${c.placeName}`)).toEqual([
      'arrived Depot North',
      'departed Depot North',
      'arrived Customer Müller',
      'departed Customer Müller',
      'arrived Customer Schmidt',
      'departed Customer Schmidt',
      'arrived Depot North',
    ]);
    expect(dashboard.visits.every((c) => c.driverName === 'Aziz' && c.visit.driverId === driverId)).toBe(true);
    const lastUpsert = dashboard.changes.filter((c) => c.type === 'upsert' && c.driver.id === driverId).at(-1);
    expect(lastUpsert).toMatchObject({ driver: { currentPlace: { id: places.depot.id, name: 'Depot North' } } });
  });

  it("shows the open visit as the driver's current place, in the list and the snapshot", async () => {
    const visits = (await admin.get<VisitDto[]>(`/api/visits?driverId=${driverId}&${range()}`)).body;
    const driver = (await admin.get<DriverDto>(`/api/drivers/${driverId}`)).body;
    expect(driver.currentPlace).toEqual({ id: places.depot.id, name: 'Depot North', since: visits[3].arrivedAt });
    expect((await admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.id === driverId)?.currentPlace).toEqual(driver.currentPlace);
    expect(dashboard.snapshots[0].find((d) => d.id === driverId)?.currentPlace ?? null).toBeNull(); // connected before the drive
  });

  it('agrees with the reports computed from history: three trips, the stops at the visited places', async () => {
    const visits = (await admin.get<VisitDto[]>(`/api/visits?driverId=${driverId}&${range()}`)).body;
    const stops = (await admin.get<StopDto[]>(`/api/reports/stops?driverId=${driverId}&${range()}`)).body;
    expect(stops.map((s) => s.placeId)).toEqual(visits.map((v) => v.placeId));
    const trips = (await admin.get<TripDto[]>(`/api/reports/trips?driverId=${driverId}&${range()}`)).body;
    expect(trips).toHaveLength(3);
    for (const [i, trip] of trips.entries()) {
      // a trip starts after the visit it leaves began and ends before the next one is over
      expect(Date.parse(trip.startAt)).toBeGreaterThanOrEqual(Date.parse(visits[i].arrivedAt));
      expect(Date.parse(trip.endAt)).toBeLessThanOrEqual(Date.parse(visits[i + 1].departedAt ?? new Date().toISOString()));
    }
    const csv = await fetch(`${balancer.url}/api/reports/trips?driverId=${driverId}&${range()}&format=csv`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect((await csv.text()).trim().split('\n')).toHaveLength(4);
  });

  it("tells the dashboard on replica B when the driver's current place is renamed, then deleted", async () => {
    const onA = new ApiClient(a.baseUrl, adminToken);
    const upserts = () => dashboard.changes.filter((c) => c.type === 'upsert' && c.driver.id === driverId);
    const before = upserts().length;
    expect((await onA.patch(`/api/places/${places.depot.id}`, { name: 'Depot Nord' })).status).toBe(200);
    await dashboard.waitFor(() => upserts().length > before, 'an upsert after the rename');
    expect(upserts().at(-1)).toMatchObject({ driver: { currentPlace: { id: places.depot.id, name: 'Depot Nord' } } });
    const renamed = upserts().length;
    expect((await onA.delete(`/api/places/${places.depot.id}`)).status).toBeLessThan(300);
    await dashboard.waitFor(() => upserts().length > renamed, 'an upsert after the delete');
    expect(upserts().at(-1)).toMatchObject({ driver: { id: driverId, currentPlace: null } });
    expect((await admin.get<DriverDto>(`/api/drivers/${driverId}`)).body.currentPlace).toBeNull();
  });

  it("erasing the driver deletes their visits and place state", async () => {
    const erased = await admin.post(`/api/drivers/${driverId}/erase`, { confirmName: 'Aziz' });
    expect(erased.status).toBeLessThan(300);
    expect((await admin.get<VisitDto[]>(`/api/visits?driverId=${driverId}&${range()}`)).body).toEqual([]);
    expect((await admin.get<DriverDto>(`/api/drivers/${driverId}`)).body.currentPlace).toBeNull();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      expect((await client.query(`SELECT count(*)::int AS n FROM driver_place_states`)).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });
});
