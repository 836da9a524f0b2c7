/** Each wait is stretched or shrunk by up to this fraction, so endpoints that failed together are not retried in lockstep. */
export const RETRY_JITTER = 0.2;

/**
 * How long to wait after the `attempt`-th attempt (1-based) failed, or null when the schedule
 * (WEBHOOK_RETRY_SCHEDULE, default ~24 h roughly doubling) is used up: the delivery fails and the
 * endpoint is disabled. `random` is injectable for tests.
 */
export function nextRetryDelayMs(attempt: number, schedule: readonly number[], random: () => number = Math.random): number | null {
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > schedule.length) return null;
  const base = schedule[attempt - 1] * 1000;
  return Math.round(base * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random()));
}
