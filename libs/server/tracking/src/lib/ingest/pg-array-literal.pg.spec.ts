import { Client } from 'pg';
import { pgArrayLiteral } from './pg-array-literal';

/** Against real Postgres: every literal reads back as the values it was made of, in each column type the writer sends. */
describe('pgArrayLiteral on Postgres', () => {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  const roundTrip = async (values: Array<number | boolean | string | null>, type: string) =>
    (await client.query(`SELECT $1::${type}[] AS a`, [pgArrayLiteral(values)])).rows[0].a;

  it('reads floats back exactly, nulls and signed zero included', async () => {
    const floats = [52.520008, -0.000001, 1e-7, 13.40495412345679, -0, 0, 89.99999999999999, null, 5e-324, 1.7976931348623157e308];
    const back: Array<number | null> = await roundTrip(floats, 'float8');
    expect(back).toEqual(floats);
    expect(Object.is(back[4], -0)).toBe(true);
  });

  it('keeps NaN and ±Infinity (never sent by the writer, still not a syntax error)', async () => {
    expect(await roundTrip([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], 'float8')).toEqual([Number.NaN, Infinity, -Infinity]);
  });

  it('reads reals, smallints, ints, bigints and booleans back', async () => {
    expect(await roundTrip([12.5, null, 3.3], 'real')).toEqual([12.5, null, 3.3]);
    expect(await roundTrip([0, 359, null, -1], 'smallint')).toEqual([0, 359, null, -1]);
    expect(await roundTrip([0, 1, 2, 3], 'int')).toEqual([0, 1, 2, 3]);
    expect(await roundTrip([9007199254740991, null, 1], 'bigint')).toEqual(['9007199254740991', null, '1']);
    expect(await roundTrip([true, false, null], 'bool')).toEqual([true, false, null]);
  });

  it('reads uuids, timestamps and any text back, quotes, backslashes, braces and the word NULL included', async () => {
    expect(await roundTrip(['00000000-0000-4000-8000-00000000000a', null], 'uuid')).toEqual(['00000000-0000-4000-8000-00000000000a', null]);
    const times: Date[] = await roundTrip(['2026-12-01T10:00:00.123Z', '1999-01-01T00:00:00.000Z'], 'timestamptz');
    expect(times.map((t) => t.toISOString())).toEqual(['2026-12-01T10:00:00.123Z', '1999-01-01T00:00:00.000Z']);
    const texts = ['telegram-live', 'NULL', 'a "quoted" \\ back', '{braces}, commas', ' spaced ', '', 'Ünïcödé'];
    expect(await roundTrip([...texts, null], 'varchar')).toEqual([...texts, null]);
  });

  it('reads an empty array back', async () => {
    expect(await roundTrip([], 'float8')).toEqual([]);
  });
});
