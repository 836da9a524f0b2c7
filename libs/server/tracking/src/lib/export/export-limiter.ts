import { Injectable } from '@nestjs/common';
import { TokenBuckets } from '@convoy/server/auth';
import { AppConfig } from '@convoy/server/config';

/** Exports one user may have running at once: each holds a database connection while it streams. */
export const CONCURRENT_EXPORTS_PER_USER = 2;

/**
 * File exports per signed-in user: EXPORT_RATE_LIMIT starts per minute (token bucket, in memory
 * per instance) and at most CONCURRENT_EXPORTS_PER_USER streaming at once; 429 with Retry-After
 * otherwise. JSON history (the map) is not limited here.
 */
@Injectable()
export class ExportLimiter {
  private readonly starts: TokenBuckets<string>;
  private readonly running = new Map<string, number>();

  constructor(config: AppConfig) {
    this.starts = new TokenBuckets<string>(config.tracking.exportsPerMinute, 60_000);
  }

  /** Admits one export for `userId`; call `done` when it ended (idempotent). */
  admit(userId: string): { admitted: true; done: () => void } | { admitted: false; retryAfterSeconds: number } {
    const running = this.running.get(userId) ?? 0;
    if (running >= CONCURRENT_EXPORTS_PER_USER) return { admitted: false, retryAfterSeconds: 5 };
    const verdict = this.starts.take(userId);
    if (!verdict.allowed) return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)) };
    this.running.set(userId, running + 1);
    let ended = false;
    const done = () => {
      if (ended) return;
      ended = true;
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
    };
    return { admitted: true, done };
  }
}
