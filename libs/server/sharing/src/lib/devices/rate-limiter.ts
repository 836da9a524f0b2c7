/** Bursts an app may send when it flushes its buffer after a dead zone (requests). */
export const DEVICE_BURST = 40;
/** Sustained requests per second per device key and per address. */
export const DEVICE_RATE_PER_S = 5;
/** Per client address: many phones may share one (carrier NAT, a depot's Wi-Fi). */
export const ADDRESS_BURST = 400;
export const ADDRESS_RATE_PER_S = 100;
/** Buckets kept at most (the least recently used go first). */
const MAX_BUCKETS = 50_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets, in memory per instance: each key may send `burst` requests at once and `ratePerS`
 * sustained. `take` answers 0 when allowed, else the seconds until the next request would be
 * (Retry-After). Every GPS app honours Retry-After by resending later, so nothing is lost.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly burst = DEVICE_BURST,
    private readonly ratePerS = DEVICE_RATE_PER_S,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerS);
    bucket.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerS));
  }
}
