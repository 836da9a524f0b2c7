import { Client } from 'pg';
import { readPacked, unpackPositions as unpackTrack } from './report-positions.repository';
import { pointsOf } from './trips/position-track';

/** The decoded columns as rows, to compare with the row query's rows. */
const unpackPositions = (bytes: Buffer | null) => pointsOf(unpackTrack(bytes));

/**
 * Against real Postgres (DATABASE_URL, as for every test here): the packed read gives exactly the
 * numbers the previous row query gave through node-pg — awkward `real`s (0.1, 3.3, a float4 tie like
 * 56410.5625), nulls, µs times, a time before 2000 — so no report can change with the faster path.
 * The packed bytes come by binary COPY, as the repository reads them. The table is a
 * session-local TEMP `positions` with the columns the query reads.
 */
describe('the packed positions query on Postgres', () => {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  const driver = '00000000-0000-4000-8000-00000000000a';

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE TEMP TABLE positions (id bigint GENERATED ALWAYS AS IDENTITY, driver_id uuid NOT NULL,
      latitude double precision NOT NULL, longitude double precision NOT NULL, accuracy real, speed real, recorded_at timestamptz NOT NULL)`);
    await client.query(
      `INSERT INTO positions (driver_id, latitude, longitude, accuracy, speed, recorded_at) VALUES
        ($1, 52.52000000000001, 13.405, 0.1, 3.3, '2026-11-15 08:00:00.123456+00'),
        ($1, -33.8688197, -151.2092955, NULL, NULL, '2026-11-15 08:00:01+00'),
        ($1, 1e-7, 179.99999999, 56410.5625, 2061.40625, '2026-11-15 08:00:02.5+00'),
        ($1, 89.9, -0.000001, 12.345678, 0, '1999-12-31 23:59:59.75+00'),
        ('00000000-0000-4000-8000-00000000000b', 0, 0, 1, 1, '2026-11-15 08:00:00+00')`,
      [driver],
    );
    // random reals and times too
    await client.query(
      `INSERT INTO positions (driver_id, latitude, longitude, accuracy, speed, recorded_at)
       SELECT $1, random() * 180 - 90, random() * 360 - 180, (random() * 10 ^ (random() * 6 - 2))::real, (random() * 60)::real,
              timestamptz '2026-11-15 09:00:00+00' + random() * interval '10 hours'
         FROM generate_series(1, 5000)`,
      [driver],
    );
  });
  afterAll(async () => {
    await client.end();
  });

  it('gives the same points, in the same order, as the row query did', async () => {
    const from = new Date('1999-12-01T00:00:00Z');
    const to = new Date('2026-11-16T00:00:00Z');
    const rows = (
      await client.query(
        `SELECT latitude AS lat, longitude AS lon, accuracy, speed, (extract(epoch FROM recorded_at) * 1000)::float8 AS t
           FROM positions WHERE driver_id = $1 AND recorded_at >= $2 AND recorded_at < $3 ORDER BY recorded_at`,
        [driver, from, to],
      )
    ).rows;
    const points = unpackPositions(await readPacked(client, driver, from, to));
    expect(points).toHaveLength(5004);
    expect(points).toEqual(rows);
    expect(points[0]).toEqual({ lat: 89.9, lon: -0.000001, accuracy: 12.345678, speed: 0, t: Date.parse('1999-12-31T23:59:59.750Z') });
    expect(points[1]).toMatchObject({ accuracy: 0.1, speed: 3.3, t: Date.parse('2026-11-15T08:00:00.123Z') + 0.456 });
    expect(points[2]).toMatchObject({ accuracy: null, speed: null });
  });

  it('answers an empty range with no points', async () => {
    const packed = await readPacked(client, driver, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-02T00:00:00Z'));
    expect(packed).toBeNull();
    expect(unpackPositions(packed)).toEqual([]);
  });
});
