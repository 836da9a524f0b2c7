import { TokenBuckets } from '@convoy/server/auth';

/** Bursts an app may send when it flushes its buffer after a dead zone (requests). */
export const DEVICE_BURST = 40;
/** Sustained requests per second per device key and per address. */
export const DEVICE_RATE_PER_S = 5;
/** Per client address: many phones may share one (carrier NAT, a depot's Wi-Fi). */
export const ADDRESS_BURST = 400;
export const ADDRESS_RATE_PER_S = 100;
/**
 * Per device key and per address: each key may send `burst` requests at once and `ratePerS`
 * sustained — the token buckets the bot and the exports use, in seconds for `Retry-After`.
 * `take` answers 0 when allowed, else the seconds until the next request would be. Every GPS app
 * honours Retry-After by resending later, so nothing is lost. In memory, per instance.
 */
export class RateLimiter {
  private readonly buckets: TokenBuckets<string>;

  constructor(
    burst = DEVICE_BURST,
    ratePerS = DEVICE_RATE_PER_S,
    private readonly now: () => number = Date.now,
  ) {
    this.buckets = new TokenBuckets<string>(burst, (burst / ratePerS) * 1000);
  }

  take(key: string): number {
    const { allowed, retryAfterMs } = this.buckets.take(key, this.now());
    return allowed ? 0 : Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}
