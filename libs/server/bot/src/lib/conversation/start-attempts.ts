/** At most this many failed /start attempts per Telegram user per window (token guessing). */
const MAX_FAILURES = 5;
const WINDOW_MS = 10 * 60_000;

/** In-memory rate limit for link redemption, per Telegram user. */
export class StartAttempts {
  private readonly failures = new Map<number, number[]>();

  isBlocked(userId: number, now = Date.now()): boolean {
    return this.recent(userId, now).length >= MAX_FAILURES;
  }

  recordFailure(userId: number, now = Date.now()): void {
    this.failures.set(userId, [...this.recent(userId, now), now]);
    if (this.failures.size > 10_000) this.prune(now);
  }

  private recent(userId: number, now: number): number[] {
    return (this.failures.get(userId) ?? []).filter((at) => now - at < WINDOW_MS);
  }

  private prune(now: number): void {
    for (const [userId] of this.failures) if (this.recent(userId, now).length === 0) this.failures.delete(userId);
  }
}
