import { Client } from 'pg';
import { stringify } from 'csv-stringify/sync';
import { Readable } from 'node:stream';
import { ExportNumberText1795900000000 } from '../migrations/1795900000000-ExportNumberText';
import { CSV_COLUMNS, positionCsvCopySql } from './position-csv-copy';
import type { ExportPoint } from './position-export';

const { to: copyTo } = require('pg-copy-streams') as { to: (sql: string) => Readable };

/**
 * The CSV Postgres writes (COPY) against the CSV the API wrote in Node before it (csv-stringify of
 * the rows pg returned): byte for byte, on real Postgres (DATABASE_URL), in a schema of its own with
 * the columns of `positions` the export reads.
 */
const URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHEMA = `csv_copy_spec_${process.pid}`;
const JAN = '00000000-0000-4000-8000-0000000000a1';
const OTHER = '00000000-0000-4000-8000-0000000000b1';
const FROM = new Date('2026-11-24T00:00:00.000Z');
const TO = new Date('2026-11-24T23:59:59.999Z');

/** The Node CSV writer as it was (position-export.ts before COPY): the reference. */
function nodeCsv(points: ExportPoint[]): string {
  return (
    stringify([[...CSV_COLUMNS]]) +
    (points.length ? stringify(points.map((p) => [p.recorded_at.toISOString(), p.latitude, p.longitude, p.accuracy, p.speed, p.heading, p.source])) : '')
  );
}

describe('CSV export written by Postgres (COPY)', () => {
  const client = new Client({ connectionString: URL });

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE SCHEMA ${SCHEMA}`);
    await client.query(`SET search_path = ${SCHEMA}`);
    await client.query(`SET extra_float_digits = 1`);
    await client.query(`CREATE TABLE positions (
      id bigserial, driver_id uuid NOT NULL, latitude double precision NOT NULL, longitude double precision NOT NULL,
      accuracy real, heading smallint, speed real, recorded_at timestamptz NOT NULL, source varchar(24) NOT NULL)`);
    await new ExportNumberText1795900000000().up({ query: (sql: string) => client.query(sql) } as never);
  });
  afterAll(async () => {
    await client.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
    await client.end();
  });
  beforeEach(() => client.query('TRUNCATE positions'));

  const insert = (rows: Array<[string, number, number, number | null, number | null, number | null, string, string]>) =>
    client.query(
      `INSERT INTO positions (recorded_at, latitude, longitude, accuracy, speed, heading, source, driver_id)
       SELECT * FROM unnest($1::timestamptz[], $2::float8[], $3::float8[], $4::real[], $5::real[], $6::smallint[], $7::text[], $8::uuid[])`,
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) => rows.map((r) => r[i])),
    );
  const copied = async (driverId = JAN) => {
    let out = '';
    for await (const chunk of client.query(copyTo(positionCsvCopySql({ driverId, from: FROM, to: TO }, (v) => client.escapeLiteral(v))) as never) as AsyncIterable<Buffer>)
      out += chunk.toString('utf8');
    return out;
  };
  const asNodeWrote = async (driverId = JAN) =>
    nodeCsv(
      (
        await client.query<ExportPoint>(
          `SELECT recorded_at, latitude, longitude, accuracy, speed, heading, source FROM positions
            WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3 ORDER BY recorded_at, id`,
          [driverId, FROM, TO],
        )
      ).rows,
    );

  it('writes the same file as the Node writer for ordinary points, header included', async () => {
    await insert([
      ['2026-11-24T08:00:00.000Z', 50.1, 14.4, 8, 3.5, null, 'telegram-live', JAN],
      ['2026-11-24T08:01:00.000Z', 50.2, 14.5, null, null, 90, 'telegram-checkin', JAN],
      ['2026-11-24T08:02:00.000Z', 52.52000812345679, 13.404954987654321, 12.3, 13.9, 359, 'osmand', JAN],
      ['2026-11-24T08:03:00.000Z', 48.2, 9.1, 5, 0, 0, 'owntracks', OTHER], // another driver: not in the file
    ]);
    const csv = await copied();
    expect(csv).toBe(await asNodeWrote());
    expect(csv).toBe(
      'recorded_at,latitude,longitude,accuracy_m,speed_mps,heading_deg,source\n' +
        '2026-11-24T08:00:00.000Z,50.1,14.4,8,3.5,,telegram-live\n' +
        '2026-11-24T08:01:00.000Z,50.2,14.5,,,90,telegram-checkin\n' +
        '2026-11-24T08:02:00.000Z,52.52000812345679,13.404954987654321,12.3,13.9,359,osmand\n',
    );
  });

  it('prints floats as JavaScript does where Postgres would use an exponent or -0', async () => {
    await insert([
      ['2026-11-24T09:00:00.000Z', 0.00001, -0.0000034, 1_500_000, 0.000034, null, 'osmand', JAN],
      ['2026-11-24T09:00:01.000Z', 1e-7, -1.5e-7, 123_456_789, 1e-10, null, 'osmand', JAN],
      ['2026-11-24T09:00:02.000Z', -0, 0, 0.0001, 1e20, null, 'osmand', JAN],
      ['2026-11-24T09:00:03.000Z', -33.8688, -151.2093, 3e38, 1.17549435e-38, null, 'osmand', JAN],
      ['2026-11-24T09:00:04.000Z', 89.99999999999999, -179.99999999999997, 123_456, 1234567, 1, 'osmand', JAN],
    ]);
    const csv = await copied();
    expect(csv).toBe(await asNodeWrote());
    expect(csv.split('\n')[1]).toBe('2026-11-24T09:00:00.000Z,0.00001,-0.0000034,1500000,0.000034,,osmand');
  });

  it('writes times as toISOString does: UTC, milliseconds truncated, whatever the session time zone', async () => {
    await client.query(`SET TIME ZONE 'America/St_Johns'`);
    try {
      await client.query(
        `INSERT INTO positions (recorded_at, latitude, longitude, source, driver_id) VALUES
           ('2026-11-24 00:00:00.000001+00', 1, 2, 'osmand', $1), ('2026-11-24 12:34:56.789999+00', 1, 2, 'osmand', $1),
           ('2026-11-24 23:59:59.999+00', 1, 2, 'osmand', $1), ('2026-11-24 23:59:59.9995+00', 1, 2, 'osmand', $1)`,
        [JAN],
      );
      const csv = await copied();
      expect(csv).toBe(await asNodeWrote());
      expect(csv.split('\n').slice(1, 3)).toEqual(['2026-11-24T00:00:00.000Z,1,2,,,,osmand', '2026-11-24T12:34:56.789Z,1,2,,,,osmand']);
    } finally {
      await client.query('RESET TIME ZONE');
    }
  });

  it('writes only the header for an empty range, as before', async () => {
    expect(await copied()).toBe(await asNodeWrote());
    expect(await copied()).toBe('recorded_at,latitude,longitude,accuracy_m,speed_mps,heading_deg,source\n');
  });

  it('quotes what it is given as literals (COPY takes no parameters)', () => {
    const sql = positionCsvCopySql({ driverId: "x' OR '1'='1", from: FROM, to: TO }, (v) => client.escapeLiteral(v));
    expect(sql).toContain(`'x'' OR ''1''=''1'::uuid`);
  });
});
