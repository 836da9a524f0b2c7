import { Client } from 'pg';
import type { PositionHistoryDto } from '@convoy/contracts';
import { positionHistoryJson } from './position-history-json';
import { HISTORY_PACKED_SQL, HISTORY_PACKED_STATEMENT, type PackedHistoryRow } from './position-history.query';
import { HISTORY_POINT_CAP } from './position-history.service';

/**
 * The previous implementation (Postgres wrote the whole DTO with json_build_object/json_agg), kept
 * here as the reference: the packed read + the JSON written in Node must give the same
 * PositionHistoryDto — same keys, values (toEqual tells -0 from 0), thinning and order.
 */
const PREVIOUS_HISTORY_JSON_SQL = `
  WITH numbered AS (
    SELECT latitude, longitude, accuracy, heading, speed, recorded_at, source,
           row_number() OVER (ORDER BY recorded_at, id) AS rn, count(*) OVER () AS total
      FROM positions
     WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3
  ), sized AS (
    SELECT coalesce(max(total), 0) AS total, greatest(1, ceil(coalesce(max(total), 0) / $4::float8))::bigint AS step FROM numbered
  )
  SELECT json_build_object(
           'driverId', $1::text, 'from', $5::text, 'to', $6::text, 'total', sized.total, 'downsampled', sized.step > 1,
           'maxPoints', $4::int, 'thinningStep', sized.step,
           'positions', coalesce((
             SELECT json_agg(json_build_object(
                      'driverId', $1::text, 'latitude', latitude, 'longitude', longitude, 'accuracy', accuracy,
                      'heading', heading, 'speed', speed,
                      'recordedAt', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                      'source', source, 'battery', NULL, 'altitude', NULL) ORDER BY rn)
               FROM numbered
              WHERE (rn - 1) % sized.step = 0 OR rn = total), '[]'::json)
         )::text AS body
    FROM sized`;

/**
 * Against real Postgres (DATABASE_URL): a session-local TEMP `positions` partitioned by day like the
 * real one (two days and a default partition) with the real covering index, so the plans are the
 * production ones (Append of backward index-only scans, Incremental Sort on the tie-break `id`).
 */
describe('the packed history read on Postgres', () => {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  const driver = '00000000-0000-4000-8000-00000000000a';
  const other = '00000000-0000-4000-8000-00000000000b';

  const previous = async (from: Date, to: Date): Promise<PositionHistoryDto> => {
    const rows = (await client.query(PREVIOUS_HISTORY_JSON_SQL, [driver, from, to, HISTORY_POINT_CAP, from.toISOString(), to.toISOString()])).rows;
    return JSON.parse(rows[0].body);
  };
  /** As the service sends it: the named prepared statement (planned once per connection). */
  const packedRow = async (driverId: string, from: Date, to: Date): Promise<PackedHistoryRow> =>
    (await client.query<PackedHistoryRow>({ name: HISTORY_PACKED_STATEMENT, text: HISTORY_PACKED_SQL, values: [driverId, from, to, HISTORY_POINT_CAP] })).rows[0];
  const packed = async (from: Date, to: Date): Promise<PositionHistoryDto> =>
    JSON.parse(positionHistoryJson(driver, from, to, HISTORY_POINT_CAP, await packedRow(driver, from, to)).toString('utf8'));

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE TEMP TABLE drivers (id uuid PRIMARY KEY)`);
    await client.query(`INSERT INTO drivers (id) VALUES ($1), ($2)`, [driver, other]);
    await client.query(`CREATE TEMP TABLE positions (id bigint NOT NULL, driver_id uuid NOT NULL,
      latitude double precision NOT NULL, longitude double precision NOT NULL, accuracy real, heading smallint, speed real,
      recorded_at timestamptz NOT NULL, source varchar(24) NOT NULL) PARTITION BY RANGE (recorded_at)`);
    await client.query(`CREATE INDEX ON positions (driver_id, recorded_at DESC) INCLUDE (id, latitude, longitude, accuracy, speed, heading, source)`);
    await client.query(`CREATE TEMP TABLE positions_d1 PARTITION OF positions FOR VALUES FROM ('2026-11-15') TO ('2026-11-16')`);
    await client.query(`CREATE TEMP TABLE positions_d2 PARTITION OF positions FOR VALUES FROM ('2026-11-16') TO ('2026-11-17')`);
    await client.query(`CREATE TEMP TABLE positions_default PARTITION OF positions DEFAULT`);
    // awkward values; equal times stored against id order (id 21 before id 20), so the tie-break shows
    await client.query(
      `INSERT INTO positions (id, driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, source) VALUES
        (1, $1, 50.087451234567891, 14.421253, 12.3, 359, 0.000034, '2026-11-15 08:00:00.123456+00', 'osmand'),
        (2, $1, -0.00001, '-0', NULL, NULL, NULL, '2026-11-15 08:00:01.999999+00', 'telegram-checkin'),
        (3, $1, 1e-05, 0, 0.1, 0, 3.3, '2026-11-15 08:00:02.0005+00', 'telegram-live'),
        (4, $1, -89.9, -179.99999999, 56410.5625, 1, '-0', '2026-11-15 08:00:03+00', 'owntracks'),
        (21, $1, 10, 20, 5, 90, 1, '2026-11-15 08:00:04.5+00', 'telegram-live'),
        (20, $1, 11, 21, 6, 91, 2, '2026-11-15 08:00:04.5+00', 'browser'),
        (22, $1, 12, 22, 'NaN', -32768, 'Infinity', '2026-11-15 08:00:05+00', 'Ünïcödé "q" \\ é'),
        (5, $1, 52.52000000000001, 13.405, 12.345678, 180, 2061.40625, '2026-11-15 23:59:59.9999+00', 'osmand'),
        (6, $1, 52.53, 13.406, 7, 181, 0, '2026-11-16 00:00:00+00', 'osmand'),
        (7, $1, 52.54, 13.407, 7, 182, 0, '2026-11-16 00:00:00.000001+00', 'osmand'),
        (8, $1, 60, 30, 1, 1, 1, '2026-11-20 12:00:00+00', 'osmand'),
        (9, $2, 0, 0, 1, 1, 1, '2026-11-15 08:00:00.123456+00', 'osmand')`,
      [driver, other],
    );
    // 5,001 points (the cap + 1) in an hour of their own, random values, pairs of equal times
    await client.query(
      `INSERT INTO positions (id, driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, source)
       SELECT 100000 - s, $1, random() * 180 - 90, random() * 360 - 180,
              CASE WHEN s % 7 = 0 THEN NULL ELSE (random() * 10 ^ (random() * 6 - 2))::real END,
              CASE WHEN s % 5 = 0 THEN NULL ELSE (1 + random() * 359)::smallint END, (random() * 60)::real,
              timestamptz '2026-11-16 10:00:00+00' + (s / 2) * interval '1.3 ms' + (random() * interval '0.0009 s') * (s % 3),
              CASE WHEN s % 2 = 0 THEN 'telegram-live' ELSE 'osmand' END
         FROM generate_series(1, ${HISTORY_POINT_CAP + 1}) s`,
      [driver],
    );
    await client.query(`ANALYZE positions`);
  });
  afterAll(async () => {
    await client.end();
  });

  it('answers a small range with every awkward value as the previous implementation did', async () => {
    const from = new Date('2026-11-15T08:00:00.000Z');
    const to = new Date('2026-11-15T08:00:05.000Z');
    const history = await packed(from, to);
    expect(history).toEqual(await previous(from, to));
    expect(history).toMatchObject({ driverId: driver, total: 7, downsampled: false, thinningStep: 1, maxPoints: HISTORY_POINT_CAP });
    expect(history.positions.map((p) => p.recordedAt)).toEqual([
      '2026-11-15T08:00:00.123Z',
      '2026-11-15T08:00:01.999Z',
      '2026-11-15T08:00:02.000Z',
      '2026-11-15T08:00:03.000Z',
      '2026-11-15T08:00:04.500Z',
      '2026-11-15T08:00:04.500Z',
      '2026-11-15T08:00:05.000Z',
    ]);
    expect(history.positions[1]).toMatchObject({ latitude: -0.00001, longitude: -0, accuracy: null, heading: null, speed: null });
    expect(history.positions[2]).toMatchObject({ latitude: 1e-5, accuracy: 0.1, heading: 0, speed: 3.3 });
    expect(history.positions[3]).toMatchObject({ accuracy: 56410.562, speed: -0 }); // the shortest text of that float4, as before
    expect(history.positions.slice(4, 6).map((p) => p.source)).toEqual(['browser', 'telegram-live']); // id 20 before id 21
    expect(history.positions[6]).toMatchObject({ accuracy: 'NaN', heading: -32768, speed: 'Infinity', source: 'Ünïcödé "q" \\ é' });
  });

  it('reads a range over two day partitions, both ends included', async () => {
    const from = new Date('2026-11-15T23:59:59.000Z');
    const to = new Date('2026-11-16T00:00:00.000Z');
    const history = await packed(from, to);
    expect(history).toEqual(await previous(from, to));
    expect(history.positions.map((p) => p.recordedAt)).toEqual(['2026-11-15T23:59:59.999Z', '2026-11-16T00:00:00.000Z']);
    const later = new Date('2026-11-16T09:00:00.000Z');
    expect((await packed(from, later)).positions).toHaveLength(3);
    expect(await packed(from, later)).toEqual(await previous(from, later));
  });

  it('answers an empty range with no points', async () => {
    const from = new Date('2026-11-18T00:00:00.000Z');
    const to = new Date('2026-11-19T00:00:00.000Z');
    const history = await packed(from, to);
    expect(history).toEqual(await previous(from, to));
    expect(history).toMatchObject({ total: 0, downsampled: false, thinningStep: 1, positions: [] });
  });

  it(`thins the cap + 1 points (${HISTORY_POINT_CAP + 1}) exactly as before: every 2nd, ties broken by id`, async () => {
    const from = new Date('2026-11-16T10:00:00.000Z');
    const to = new Date('2026-11-16T11:00:00.000Z');
    const history = await packed(from, to);
    expect(history).toEqual(await previous(from, to));
    expect(history).toMatchObject({ total: HISTORY_POINT_CAP + 1, downsampled: true, thinningStep: 2 });
    expect(history.positions).toHaveLength(HISTORY_POINT_CAP / 2 + 1);
  });

  it('says whether the driver exists, with or without points in the range', async () => {
    const from = new Date('2026-11-18T00:00:00.000Z');
    const to = new Date('2026-11-19T00:00:00.000Z');
    expect(await packedRow(driver, from, to)).toMatchObject({ known: true, total: '0' });
    expect(await packedRow('00000000-0000-4000-8000-0000000000ff', from, to)).toMatchObject({ known: false, total: '0', latitudes: null });
  });

  it('answers the same from the generic plan a pooled connection settles on after five runs', async () => {
    const ranges: Array<[Date, Date]> = [
      [new Date('2026-11-15T08:00:00.000Z'), new Date('2026-11-15T08:00:05.000Z')],
      [new Date('2026-11-15T00:00:00.000Z'), new Date('2026-11-21T00:00:00.000Z')],
      [new Date('2026-11-16T10:00:00.000Z'), new Date('2026-11-16T11:00:00.000Z')],
    ];
    const custom = [];
    for (const [from, to] of ranges) custom.push(await packed(from, to));
    await client.query(`SET plan_cache_mode = force_generic_plan`);
    try {
      const generic = [];
      for (const [from, to] of ranges) generic.push(await packed(from, to));
      expect(generic).toEqual(custom);
    } finally {
      await client.query(`RESET plan_cache_mode`);
    }
  });

  it('thins a range over every partition (default included) with the last point kept off the step', async () => {
    const from = new Date('2026-11-15T00:00:00.000Z');
    const to = new Date('2026-11-21T00:00:00.000Z');
    const history = await packed(from, to);
    expect(history).toEqual(await previous(from, to));
    expect(history).toMatchObject({ total: HISTORY_POINT_CAP + 12, thinningStep: 2 }); // 5,012: the last is even
    expect(history.positions).toHaveLength(HISTORY_POINT_CAP / 2 + 6 + 1);
    expect(history.positions.at(-1)?.recordedAt).toBe('2026-11-20T12:00:00.000Z');
  });
});
