/**
 * One token bucket per key (a user id, a Telegram user): `capacity` tokens, refilled continuously at
 * `capacity` per `periodMs`. A burst up to `capacity` passes, a steady rate above it does not.
 * In memory, per instance. At most `maxKeys` buckets are kept: the least recently used go first
 * (a forgotten bucket is a full one, which only errs towards letting a request through).
 */
export class TokenBuckets<K = string> {
  private readonly buckets = new Map<K, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly capacity: number,
    periodMs: number,
    private readonly maxKeys = 50_000,
  ) {
    this.refillPerMs = capacity / periodMs;
  }

  /**
   * Takes one token for `key`: `allowed`, or how long until one is back. `wasFull`: the bucket had
   * every token before this one (the key had been quiet for a whole period, or is new).
   */
  take(key: K, now = Date.now()): { allowed: boolean; retryAfterMs: number; wasFull: boolean } {
    const bucket = this.refill(key, now);
    const wasFull = bucket.tokens >= this.capacity;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterMs: 0, wasFull };
    }
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.refillPerMs), wasFull };
  }

  /** Gives back a token taken for work that did not happen. */
  giveBack(key: K, now = Date.now()): void {
    const bucket = this.refill(key, now);
    bucket.tokens = Math.min(this.capacity, bucket.tokens + 1);
  }

  get size(): number {
    return this.buckets.size;
  }

  private refill(key: K, now: number): { tokens: number; at: number } {
    const existing = this.buckets.get(key);
    const bucket = existing ?? { tokens: this.capacity, at: now };
    if (existing) {
      bucket.tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.refillPerMs);
      bucket.at = now;
      this.buckets.delete(key); // re-inserted below: Map order = least recently used first
    }
    this.buckets.set(key, bucket);
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value as K;
      this.buckets.delete(oldest);
    }
    return bucket;
  }
}
