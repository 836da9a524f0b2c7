import { Client } from 'pg';
import type { PoolClient } from 'pg';
import type { NewConvoyEvent, VisitChange } from '@convoy/contracts';
import type { PositionCommitParticipants, PositionRow } from '@convoy/server/tracking';
import { PlaceIndex } from '../geometry/place-index';
import { CreateVisits1795810000000 } from '../migrations/1795810000000-CreateVisits';
import type { LivePlaceIndex } from './live-place-index';
import { VisitDetection } from './visit-detection.participant';
import type { VisitsLive } from './visits-live';

/**
 * The participant's two statements on real Postgres (DATABASE_URL), in a schema of its own with the
 * columns of `drivers` and `places` it reads: what it stores, the events it returns, and two
 * "replicas" deciding the same driver's consecutive batches at the same time.
 */
const URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHEMA = `visits_spec_${process.pid}`;
const M_LAT = 1 / 111_195;
const DEPOT = { lat: 52.52, lon: 13.405 };
const DEPOT_ID = '00000000-0000-4000-8000-0000000000d1';
const AZIZ = '00000000-0000-4000-8000-0000000000a1';
const BEA = '00000000-0000-4000-8000-0000000000b1';
const T0 = Date.parse('2026-12-01T08:00:00Z');

describe('VisitDetection on Postgres', () => {
  const clients = [new Client({ connectionString: URL }), new Client({ connectionString: URL })];
  const [a, b] = clients;
  const index = new PlaceIndex([{ id: DEPOT_ID, shape: { type: 'circle', center: DEPOT, radiusM: 100 } }]);
  const live: VisitChange[][] = [];
  const detection = (places: PlaceIndex = index) =>
    new VisitDetection(
      { register: () => undefined } as unknown as PositionCommitParticipants,
      { current: places } as unknown as LivePlaceIndex,
      { committed: (changes: VisitChange[]) => live.push(changes) } as unknown as VisitsLive,
    );

  beforeAll(async () => {
    for (const client of clients) await client.connect();
    await a.query(`CREATE SCHEMA ${SCHEMA}`);
    for (const client of clients) await client.query(`SET search_path = ${SCHEMA}`);
    await a.query(`CREATE TABLE drivers (id uuid PRIMARY KEY, name varchar(120) NOT NULL)`);
    await a.query(`CREATE TABLE places (id uuid PRIMARY KEY, name varchar(120) NOT NULL, kind varchar(16) NOT NULL)`);
    await new CreateVisits1795810000000().up({ query: (sql: string) => a.query(sql) } as never);
    await a.query(`INSERT INTO drivers VALUES ($1, 'Aziz'), ($2, 'Bea')`, [AZIZ, BEA]);
    await a.query(`INSERT INTO places VALUES ($1, 'Depot North', 'depot')`, [DEPOT_ID]);
  });
  afterAll(async () => {
    await a.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
    for (const client of clients) await client.end();
  });
  beforeEach(async () => {
    await a.query(`TRUNCATE visits, driver_place_states`);
    live.length = 0;
  });

  const row = (driverId: string, metresNorth: number, s: number, accuracy = 8): PositionRow => ({
    driverId,
    latitude: DEPOT.lat + metresNorth * M_LAT,
    longitude: DEPOT.lon,
    accuracy,
    heading: null,
    speed: null,
    battery: null,
    altitude: null,
    recordedAt: new Date(T0 + s * 1000),
    source: 'osmand',
    telegramUpdateId: null,
    telegramUserId: null,
    persist: true,
    receivedAt: 0,
  });
  /** One batch in its own transaction, as the group commit runs it; returns the events it appended. */
  const commit = async (client: Client, rows: PositionRow[], participant = detection()): Promise<NewConvoyEvent[]> => {
    await client.query('BEGIN');
    const contribution = await participant.withinCommit(rows, client as unknown as PoolClient);
    await client.query('COMMIT');
    contribution?.afterCommit?.();
    return contribution?.events ?? [];
  };
  const visits = async () =>
    (await a.query(`SELECT driver_id, place_id, arrived_at, departed_at FROM visits ORDER BY arrived_at`)).rows as Array<{
      driver_id: string;
      departed_at: Date | null;
      arrived_at: Date;
    }>;

  it('records an arrival with the names, then the departure of that visit in a later batch', async () => {
    const arrived = await commit(a, [row(AZIZ, 600, 0), row(AZIZ, 20, 30), row(BEA, 900, 30)]);
    expect(arrived).toEqual([
      {
        type: 'visit.arrived',
        occurredAt: new Date(T0 + 30_000),
        driverId: AZIZ,
        data: {
          driver: { id: AZIZ, name: 'Aziz' },
          place: { id: DEPOT_ID, name: 'Depot North', kind: 'depot' },
          visitId: expect.any(String),
          arrivedAt: new Date(T0 + 30_000).toISOString(),
          position: { lat: DEPOT.lat + 20 * M_LAT, lon: DEPOT.lon },
        },
      },
    ]);
    expect(live).toEqual([[expect.objectContaining({ type: 'arrived', driverName: 'Aziz', placeName: 'Depot North' })]]);

    const departed = await commit(b, [row(AZIZ, 30, 60), row(AZIZ, 700, 24 * 60)]);
    expect(departed).toEqual([
      expect.objectContaining({
        type: 'visit.departed',
        data: expect.objectContaining({ visitId: (arrived[0].data as { visitId: string }).visitId, dwellSeconds: 24 * 60 - 30 }),
      }),
    ]);
    expect(await visits()).toEqual([
      { driver_id: AZIZ, place_id: DEPOT_ID, arrived_at: new Date(T0 + 30_000), departed_at: new Date(T0 + 24 * 60_000) },
    ]);
  });

  it('two replicas with the same driver\'s consecutive batches at once: one decides after the other, the arrival is recorded once', async () => {
    const onA = detection();
    const onB = detection();
    await a.query('BEGIN');
    const first = await onA.withinCommit([row(AZIZ, 10, 0)], a as unknown as PoolClient);
    await b.query('BEGIN');
    // B's batch (the next point, also inside) waits on A's row lock of the driver's state…
    let bDone = false;
    const second = onB.withinCommit([row(AZIZ, 15, 5)], b as unknown as PoolClient).then((c) => {
      bDone = true;
      return c;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(bDone).toBe(false);
    await a.query('COMMIT');
    // …then reads A's committed state: the driver is already there
    const secondContribution = await second;
    await b.query('COMMIT');
    expect(first?.events?.map((e) => e.type)).toEqual(['visit.arrived']);
    expect(secondContribution?.events ?? []).toEqual([]);
    expect(await visits()).toHaveLength(1);
  });

  it('a late point (older than the last evaluated one) on the other replica changes nothing', async () => {
    await commit(a, [row(AZIZ, 10, 0), row(AZIZ, 800, 300)]);
    expect(await commit(b, [row(AZIZ, 10, 100)])).toEqual([]);
    expect((await visits()).map((v) => v.departed_at)).toEqual([new Date(T0 + 300_000)]);
  });

  it('does nothing at all without places, and drops the arrival at a place deleted meanwhile', async () => {
    const statements: string[] = [];
    const spy = { query: (q: { text: string }) => statements.push(q.text) } as unknown as PoolClient;
    expect(await detection(new PlaceIndex()).withinCommit([row(AZIZ, 0, 0)], spy)).toBeUndefined();
    expect(statements).toEqual([]);

    const gone = '00000000-0000-4000-8000-0000000000d2';
    const stale = new PlaceIndex([{ id: gone, shape: { type: 'circle', center: { lat: 10, lon: 10 }, radiusM: 100 } }]);
    expect(await commit(a, [{ ...row(AZIZ, 0, 0), latitude: 10, longitude: 10 }], detection(stale))).toEqual([]);
    expect(await visits()).toEqual([]);
  });
});
