import { packedValue, unpackPositions as unpackTrack } from './report-positions.repository';
import { pointsOf } from './trips/position-track';

/** The decoded columns as rows, to compare with rows. */
const unpackPositions = (bytes: Buffer | null) => pointsOf(unpackTrack(bytes));

const PG_EPOCH_MS = Date.UTC(2000, 0, 1);

/** Packs points the way POSITIONS_SQL's `float8send(…) || … || timestamptz_send(…)` does (the bytes the binary read receives). */
function pack(points: { lat: number; lon: number; accuracy: number | null; speed: number | null; us: bigint }[]): Buffer {
  const bytes = Buffer.alloc(points.length * 40);
  points.forEach((p, i) => {
    bytes.writeDoubleBE(p.lat, i * 40);
    bytes.writeDoubleBE(p.lon, i * 40 + 8);
    bytes.writeDoubleBE(p.accuracy ?? NaN, i * 40 + 16);
    bytes.writeDoubleBE(p.speed ?? NaN, i * 40 + 24);
    bytes.writeBigInt64BE(p.us, i * 40 + 32);
  });
  return bytes;
}

describe('unpackPositions', () => {
  it('gives no points for an empty range (string_agg of no rows is null)', () => {
    expect(unpackPositions(null)).toEqual([]);
  });

  it('decodes each point in order, an unknown accuracy or speed as null', () => {
    const t = Date.parse('2026-11-15T08:31:00.000Z');
    const us = BigInt(t - PG_EPOCH_MS) * 1000n;
    const points = unpackPositions(
      pack([
        { lat: 52.500089929, lon: 13.4, accuracy: 8, speed: 10, us },
        { lat: -33.8688, lon: -151.2093, accuracy: null, speed: null, us: us + 1_000_000n },
      ]),
    );
    expect(points).toEqual([
      { lat: 52.500089929, lon: 13.4, accuracy: 8, speed: 10, t },
      { lat: -33.8688, lon: -151.2093, accuracy: null, speed: null, t: t + 1000 },
    ]);
  });

  it('keeps sub-millisecond times and times before 2000 exact (epoch ms as extract(epoch) * 1000 gives them)', () => {
    const [late, early] = unpackPositions(
      pack([
        { lat: 0, lon: 0, accuracy: 5, speed: 0, us: BigInt(Date.parse('2026-11-15T00:00:00Z') - PG_EPOCH_MS) * 1000n + 123_456n },
        { lat: 0, lon: 0, accuracy: 5, speed: 0, us: BigInt(Date.parse('1999-12-31T23:59:59Z') - PG_EPOCH_MS) * 1000n - 250n },
      ]),
    );
    expect(late.t).toBe(Date.parse('2026-11-15T00:00:00Z') + 123.456);
    expect(early.t).toBe(Date.parse('1999-12-31T23:59:59Z') - 0.25);
  });
});

describe('packedValue', () => {
  /** A binary COPY answer of one row with one bytea column (null: length -1), as Postgres sends it. */
  const copyOf = (value: Buffer | null, extension = Buffer.alloc(0)) => {
    const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(4), Buffer.alloc(4)]);
    header.writeInt32BE(extension.length, 15);
    const tuple = Buffer.alloc(6);
    tuple.writeInt16BE(1, 0);
    tuple.writeInt32BE(value ? value.length : -1, 2);
    return Buffer.concat([header, extension, tuple, value ?? Buffer.alloc(0), Buffer.from([0xff, 0xff])]);
  };

  it('gives the bytes of the one value, past a header extension', () => {
    expect(packedValue(copyOf(Buffer.from([1, 2, 3])))).toEqual(Buffer.from([1, 2, 3]));
    expect(packedValue(copyOf(Buffer.from([9]), Buffer.from('ext')))).toEqual(Buffer.from([9]));
  });

  it('gives null for the null of an empty range', () => {
    expect(packedValue(copyOf(null))).toBeNull();
  });

  it('refuses an answer that is not a binary COPY', () => {
    expect(() => packedValue(Buffer.from('1\t2\n'))).toThrow('not a binary COPY answer');
  });
});
