import { Injectable } from '@nestjs/common';
import { TokenBuckets } from '@convoy/server/auth';
import { AppConfig } from '@convoy/server/config';

/** Users remembered as "already told to slow down"; beyond it the oldest are forgotten. */
const MAX_WARNED = 50_000;

/**
 * Each Telegram user may send BOT_RATE_LIMIT non-location updates (commands, texts, button presses)
 * per minute (token bucket, in memory per instance). The first update over the limit is answered
 * once ("slow down"); the rest of the flood is dropped silently, except what the refill lets
 * through. Only after a whole quiet minute (a full bucket again) would a new flood be told again.
 * Locations never come here: they are never dropped.
 */
@Injectable()
export class MessageRateLimit {
  private readonly buckets: TokenBuckets<number>;
  private readonly warned = new Set<number>();

  constructor(config: AppConfig) {
    this.buckets = new TokenBuckets<number>(config.telegram.messagesPerMinute, 60_000);
  }

  check(userId: number, now = Date.now()): 'pass' | 'warn' | 'drop' {
    const verdict = this.buckets.take(userId, now);
    if (verdict.allowed) {
      if (verdict.wasFull) this.warned.delete(userId);
      return 'pass';
    }
    if (this.warned.has(userId)) return 'drop';
    this.warned.add(userId);
    if (this.warned.size > MAX_WARNED) this.warned.delete(this.warned.values().next().value as number);
    return 'warn';
  }
}
