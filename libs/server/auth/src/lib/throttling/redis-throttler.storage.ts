import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { createClient, type RedisClientType } from 'redis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One atomic step of a fixed window with a block: count the hit, start the window on the first,
 * block for `blockMs` once the limit is passed (the window restarts after the block).
 * Returns {hits, window ms left, blocked 0/1, block ms left}.
 */
const INCREMENT_SCRIPT = `
local hitsKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, blockMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blockLeft = redis.call('PTTL', blockKey)
if blockLeft > 0 then
  return {limit + 1, blockLeft, 1, blockLeft}
end
local hits = redis.call('INCR', hitsKey)
if hits == 1 then redis.call('PEXPIRE', hitsKey, ttl) end
local windowLeft = redis.call('PTTL', hitsKey)
if hits > limit then
  redis.call('SET', blockKey, '1', 'PX', blockMs)
  redis.call('DEL', hitsKey)
  return {hits, blockMs, 1, blockMs}
end
return {hits, windowLeft, 0, 0}
`;

/**
 * Throttler counters in Redis (REDIS_URL), so a limit holds across every replica: an attacker who
 * spreads attempts over the pods behind a load balancer gets the same budget as against one.
 * Keys are `<REDIS_PREFIX>:throttle:<key>`. When Redis cannot answer, the step is counted in
 * this process's memory instead (limits then hold per replica) and a warning is logged.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly client: RedisClientType;
  private readonly fallback = new ThrottlerStorageService();
  private readonly connecting: Promise<unknown>;
  private warnedAt = 0;

  constructor(
    redisUrl: string,
    private readonly keyPrefix: string,
  ) {
    // no offline queue: a sign-in must not hang while Redis reconnects
    this.client = createClient({ url: redisUrl, disableOfflineQueue: true });
    this.client.on('error', (error: Error) => this.warn(`Redis: ${error.message}`));
    this.connecting = this.client.connect().catch((error: Error) => this.warn(`Redis: ${error.message}`));
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    await this.connecting;
    try {
      const base = `${this.keyPrefix}:throttle:${key}`;
      const [totalHits, msLeft, blocked, blockMsLeft] = (await this.client.eval(INCREMENT_SCRIPT, {
        keys: [base, `${base}:blocked`],
        arguments: [String(ttl), String(limit), String(blockDuration)],
      })) as [number, number, number, number];
      return {
        totalHits,
        timeToExpire: Math.ceil(msLeft / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockMsLeft / 1000),
      };
    } catch (error) {
      this.warn(`Redis throttler storage unavailable, counting in memory: ${(error as Error).message}`);
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.fallback.onApplicationShutdown();
    await this.client.quit().catch(() => undefined);
  }

  /** At most one warning a minute: an outage must not flood the log with one line per sign-in. */
  private warn(message: string): void {
    if (Date.now() - this.warnedAt < 60_000) return;
    this.warnedAt = Date.now();
    this.logger.warn(message);
  }
}
