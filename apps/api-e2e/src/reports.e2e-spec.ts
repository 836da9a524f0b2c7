import { Client } from 'pg';
import type { CreatedLinkResponse, DriverDto, PlaceDto, StopDto, SummaryRowDto, TripDto } from '@convoy/contracts';
import { FakeTelegramClock, LIVE_PERIOD_INDEFINITE, TelegramUpdateFactory, telegramUser } from '@convoy/testing';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';

const M_LAT = 1 / 111_195;
const M_LON = 1 / (111_195 * Math.cos((52.52 * Math.PI) / 180));
const DEPOT = { lat: 52.52, lon: 13.405 };
const CUSTOMER_A = { lat: 52.52 + 3000 * M_LAT, lon: 13.405 }; // 3 km north
const CUSTOMER_B = { lat: CUSTOMER_A.lat, lon: 13.405 + 2000 * M_LON }; // then 2 km east

/**
 * A driver's morning through the real ingest path (Telegram live location → webhook → group commit):
 * depot → customer A → customer B (a red light on the way) → depot.
 */
describe('reports on a route driven through the Telegram ingest path', () => {
  let bed: TelegramTestbed;
  let driverId: string;
  let places: Record<'depot' | 'a' | 'b', PlaceDto>;
  const startedAt = Math.floor(Date.now() / 1000) - 3 * 3600;

  beforeAll(async () => {
    bed = await startTelegramTestbed('reports', 'webhook', { TIME_ZONE: 'Europe/Berlin' });
    const create = async (body: object) => (await bed.admin.post<PlaceDto>('/api/places', body)).body;
    const ring = (c: { lat: number; lon: number }, m: number) => [
      [c.lon - m * M_LON, c.lat - m * M_LAT],
      [c.lon + m * M_LON, c.lat - m * M_LAT],
      [c.lon + m * M_LON, c.lat + m * M_LAT],
      [c.lon - m * M_LON, c.lat + m * M_LAT],
      [c.lon - m * M_LON, c.lat - m * M_LAT],
    ];
    places = {
      depot: await create({ name: 'Depot North', kind: 'depot', center: DEPOT, radiusM: 150 }),
      a: await create({ name: 'Customer Müller', kind: 'customer', center: CUSTOMER_A, radiusM: 100 }),
      b: await create({ name: 'Customer Schmidt', kind: 'customer', polygon: { type: 'Polygon', coordinates: [ring(CUSTOMER_B, 120)] } }),
    };

    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Aziz' });
    const aziz = telegramUser({ first_name: 'Aziz' });
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(aziz, '/start', link.body.token)), 10_000);
    driverId = (await bed.admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.telegram?.userId === aziz.id)?.id as string;

    const clock = new FakeTelegramClock(startedAt);
    const updates = new TelegramUpdateFactory({ messageIds: bed.telegram, clock });
    const start = bed.telegram.pushUpdate(
      updates.liveLocationStart(aziz, { latitude: DEPOT.lat, longitude: DEPOT.lon, live_period: LIVE_PERIOD_INDEFINITE, horizontal_accuracy: 8 }),
    );
    await bed.telegram.waitForConfirmed(start, 10_000);
    let t = startedAt;
    let here = DEPOT;
    const send = async (to: { lat: number; lon: number }, afterSeconds: number, accuracy = 8) => {
      t += afterSeconds;
      here = to;
      const edit = updates.liveLocationEdit(aziz, start, { latitude: to.lat, longitude: to.lon, horizontal_accuracy: accuracy, edit_date: t });
      await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(edit), 10_000);
    };
    const park = async (minutes: number) => {
      // a parked phone: fixes every 30 s wandering a few metres
      for (let s = 30; s <= minutes * 60; s += 30) await send({ lat: here.lat + ((s / 30) % 2 ? 4 : -4) * M_LAT, lon: here.lon }, 30, 12);
    };
    const drive = async (to: { lat: number; lon: number }, kmh: number, halt?: { atStep: number; seconds: number }) => {
      const from = here;
      const metres = Math.hypot((to.lat - from.lat) / M_LAT, (to.lon - from.lon) / M_LON);
      const steps = Math.round(metres / ((kmh / 3.6) * 10));
      for (let i = 1; i <= steps; i++) {
        await send({ lat: from.lat + ((to.lat - from.lat) * i) / steps, lon: from.lon + ((to.lon - from.lon) * i) / steps }, 10);
        if (halt?.atStep === i) for (let s = 10; s <= halt.seconds; s += 10) await send(here, 10);
      }
    };
    await park(10);
    await drive(CUSTOMER_A, 36);
    await park(15);
    await drive(CUSTOMER_B, 36, { atStep: 10, seconds: 90 }); // a red light after 1 km
    await park(20);
    await drive(DEPOT, 54);
    await park(10);
  }, 240_000);
  afterAll(async () => {
    await bed?.close();
  });

  const day = () => new Date(startedAt * 1000).toISOString().slice(0, 10);
  const range = () => `from=${new Date((startedAt - 60) * 1000).toISOString()}&to=${new Date().toISOString()}`;

  it('finds the three trips with their distances, and a red light does not split one', async () => {
    const trips = await bed.admin.get<TripDto[]>(`/api/reports/trips?driverId=${driverId}&${range()}`);
    expect(trips.status).toBe(200);
    expect(trips.body).toHaveLength(3);
    const [toA, toB, home] = trips.body;
    expect(toA.distanceM).toBeGreaterThan(2900);
    expect(toA.distanceM).toBeLessThan(3100);
    expect(toB.distanceM).toBeGreaterThan(1900);
    expect(toB.distanceM).toBeLessThan(2100);
    expect(home.distanceM).toBeGreaterThan(3500);
    expect(home.distanceM).toBeLessThan(3800);
    expect(toA).toMatchObject({ start: { placeId: places.depot.id }, end: { placeId: places.a.id } });
    expect(toB).toMatchObject({ start: { placeId: places.a.id }, end: { placeId: places.b.id } });
    expect(home).toMatchObject({ start: { placeId: places.b.id }, end: { placeId: places.depot.id } });
    expect(toA.maxSpeedKmh).toBeGreaterThan(30);
    expect(toA.maxSpeedKmh).toBeLessThan(42);
    expect(home.maxSpeedKmh).toBeGreaterThan(48);
    expect(toB.durationS).toBeGreaterThanOrEqual(200 + 90); // the 90 s halt is inside the trip
  });

  it('lists the stops at each place, parked-phone drift adding no trips', async () => {
    const stops = await bed.admin.get<StopDto[]>(`/api/reports/stops?driverId=${driverId}&${range()}`);
    expect(stops.body.map((s) => s.placeName)).toEqual(['Depot North', 'Customer Müller', 'Customer Schmidt', 'Depot North']);
    expect(stops.body.map((s) => s.placeId)).toEqual([places.depot.id, places.a.id, places.b.id, places.depot.id]);
    expect(Math.round(stops.body[1].durationS / 60)).toBe(15);
    expect(Math.round(stops.body[2].durationS / 60)).toBe(20);

    const csv = await fetch(`${bed.api.baseUrl}/api/reports/stops?driverId=${driverId}&${range()}&format=csv&tz=Europe/Berlin`, {
      headers: { authorization: `Bearer ${bed.adminToken}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="stops-\d{4}-\d\d-\d\d\.csv"/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('start_at,end_at,duration_s,lat,lon,place');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00,.*,Customer Müller$/);
  });

  it('sums the day per driver, for the day in the report time zone, and as CSV', async () => {
    const summary = await bed.admin.get<SummaryRowDto[]>(`/api/reports/summary?from=${day()}&to=${new Date().toISOString().slice(0, 10)}&tz=UTC`);
    const row = summary.body.find((r) => r.driverId === driverId) as SummaryRowDto;
    expect(row).toMatchObject({ driverName: 'Aziz', trips: 3, stops: 4 });
    expect(row.distanceM).toBeGreaterThan(8300);
    expect(row.distanceM).toBeLessThan(8900);
    expect(row.stoppedS).toBeGreaterThan(54 * 60);
    expect(row.drivingS).toBeGreaterThan(13 * 60); // 300 + 290 + 240 s
    expect(Date.parse(row.firstPositionAt as string)).toBe(startedAt * 1000);
    const csv = await fetch(`${bed.api.baseUrl}/api/reports/summary?driverId=${driverId}&${range()}&format=csv`, {
      headers: { authorization: `Bearer ${bed.adminToken}` },
    });
    const [header, line] = (await csv.text()).trim().split('\n');
    expect(header).toBe('driver,distance_m,driving_s,stopped_s,trips,stops,max_speed_kmh,first_position_at,last_position_at');
    expect(line).toMatch(/^Aziz,\d{4},\d+,\d+,3,4,/);
  });

  it('reads a range longer than a day in slices without splitting the trip that crosses a slice boundary', async () => {
    // history is read per 24 h from `from`: this range's first slice ends 32 min into the route, in the trip to customer B
    const boundary = startedAt + 32 * 60;
    const long = `from=${new Date((boundary - 86_400) * 1000).toISOString()}&to=${new Date().toISOString()}`;
    const [oneSlice, sliced] = await Promise.all([
      bed.admin.get<TripDto[]>(`/api/reports/trips?driverId=${driverId}&${range()}`),
      bed.admin.get<TripDto[]>(`/api/reports/trips?driverId=${driverId}&${long}`),
    ]);
    expect(sliced.body).toHaveLength(3);
    expect(Date.parse(sliced.body[1].startAt)).toBeLessThan(boundary * 1000);
    expect(Date.parse(sliced.body[1].endAt)).toBeGreaterThan(boundary * 1000);
    expect(sliced.body).toEqual(oneSlice.body);
    const stops = async (r: string) => (await bed.admin.get<StopDto[]>(`/api/reports/stops?driverId=${driverId}&${r}`)).body;
    expect(await stops(long)).toEqual(await stops(range()));
  });

  it('refuses bad ranges and unknown drivers with codes', async () => {
    expect((await bed.admin.get(`/api/reports/trips?driverId=${driverId}&from=2026-12-02&to=2026-12-01`)).body).toMatchObject({ code: 'REPORT_RANGE_INVALID' });
    expect((await bed.admin.get(`/api/reports/trips?driverId=${driverId}&from=2026-01-01&to=2026-03-01`)).status).toBe(400);
    expect((await bed.admin.get(`/api/reports/trips?driverId=${driverId}&tz=Mars/Olympus`)).status).toBe(400);
    expect((await bed.admin.get(`/api/reports/stops?driverId=00000000-0000-4000-8000-000000000000`)).body).toMatchObject({ code: 'DRIVER_NOT_FOUND' });
    expect((await bed.admin.get(`/api/reports/trips`)).status).toBe(400);
  });

  it("reads one driver's range through each day partition's (driver_id, recorded_at) index", async () => {
    const client = new Client({ connectionString: bed.database.url });
    await client.connect();
    try {
      await client.query('SET enable_seqscan = off'); // a tiny table would be scanned otherwise; the plan shape is what matters
      const plan = await client.query(
        `EXPLAIN SELECT latitude, longitude FROM positions WHERE driver_id = $1 AND recorded_at >= $2 AND recorded_at < $3 ORDER BY recorded_at`,
        [driverId, new Date(startedAt * 1000), new Date()],
      );
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/positions_\d{8}_driver_recorded_idx/);
      // no Seq Scan and no Sort node; a Merge Append over two partitions (a route across midnight UTC,
      // whose first day is still in the default partition) merges sorted index scans: its "Sort Key" is fine
      expect(text).not.toMatch(/Seq Scan/);
      expect(text).not.toMatch(/(^|->\s+)(Incremental )?Sort\s+\(/m);
    } finally {
      await client.end();
    }
  });
});
