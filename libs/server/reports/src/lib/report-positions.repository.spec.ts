import { unpackPositions } from './report-positions.repository';

const PG_EPOCH_MS = Date.UTC(2000, 0, 1);

/** Packs points the way POSITIONS_SQL's `float8send(…) || … || timestamptz_send(…)` does, hex-encoded. */
function pack(points: { lat: number; lon: number; accuracy: number | null; speed: number | null; us: bigint }[]): string {
  const bytes = Buffer.alloc(points.length * 40);
  points.forEach((p, i) => {
    bytes.writeDoubleBE(p.lat, i * 40);
    bytes.writeDoubleBE(p.lon, i * 40 + 8);
    bytes.writeDoubleBE(p.accuracy ?? NaN, i * 40 + 16);
    bytes.writeDoubleBE(p.speed ?? NaN, i * 40 + 24);
    bytes.writeBigInt64BE(p.us, i * 40 + 32);
  });
  return bytes.toString('hex');
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
