import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  it('lets a burst of `capacity` through, then refuses until a token is refilled', () => {
    const buckets = new TokenBuckets<number>(30, 60_000);
    const t0 = 1_000_000;
    expect(buckets.take(7, t0)).toEqual({ allowed: true, retryAfterMs: 0, wasFull: true });
    for (let i = 1; i < 30; i++) expect(buckets.take(7, t0)).toMatchObject({ allowed: true, wasFull: false });
    expect(buckets.take(7, t0)).toEqual({ allowed: false, retryAfterMs: 2000, wasFull: false });
    expect(buckets.take(7, t0 + 1999).allowed).toBe(false);
    expect(buckets.take(7, t0 + 4000).allowed).toBe(true);
  });

  it('keeps keys apart', () => {
    const buckets = new TokenBuckets(1, 60_000);
    expect(buckets.take('a', 0).allowed).toBe(true);
    expect(buckets.take('a', 0).allowed).toBe(false);
    expect(buckets.take('b', 0).allowed).toBe(true);
  });

  it('never holds more than capacity, and gives a token back', () => {
    const buckets = new TokenBuckets(2, 1000);
    expect(buckets.take('a', 0).allowed).toBe(true);
    buckets.giveBack('a', 0);
    buckets.giveBack('a', 10_000);
    expect(buckets.take('a', 10_000).allowed).toBe(true);
    expect(buckets.take('a', 10_000).allowed).toBe(true);
    expect(buckets.take('a', 10_000).allowed).toBe(false);
  });

  it('keeps at most maxKeys buckets, dropping the least recently used', () => {
    const buckets = new TokenBuckets<number>(1, 60_000, 3);
    for (const key of [1, 2, 3]) buckets.take(key, 0);
    buckets.take(1, 0); // 1 is now the most recent
    buckets.take(4, 0);
    expect(buckets.size).toBe(3);
    expect(buckets.take(1, 0).allowed).toBe(false); // still remembered: empty
    expect(buckets.take(2, 0).allowed).toBe(true); // forgotten: a full bucket again
  });
});
