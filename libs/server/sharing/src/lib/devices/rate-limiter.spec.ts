import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('lets an app flush its buffer (40 at once), then 5/s, and says when to come back', () => {
    let now = 0;
    const limiter = new RateLimiter(40, 5, () => now);
    for (let i = 0; i < 40; i++) expect(limiter.take('key')).toBe(0);
    expect(limiter.take('key')).toBe(1); // Retry-After: 1 s
    expect(limiter.take('other')).toBe(0); // another device is not affected
    now += 1000;
    for (let i = 0; i < 5; i++) expect(limiter.take('key')).toBe(0);
    expect(limiter.take('key')).toBeGreaterThan(0);
    // sustained 2/s for a minute never hits the limit
    now += 60_000;
    for (let s = 0; s < 60; s++, now += 1000) {
      expect(limiter.take('key')).toBe(0);
      expect(limiter.take('key')).toBe(0);
    }
  });
});
