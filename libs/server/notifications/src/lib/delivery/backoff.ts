/** Attempts per job before it is marked failed (≈ 8.5 min of retries: an alert later than that is news, not an alert). */
export const MAX_DELIVERY_ATTEMPTS = 8;
const BASE_MS = 2_000;
const CAP_MS = 10 * 60_000;

/**
 * Wait before attempt `attempts + 1`: 2 s, 4 s, 8 s … capped at 10 min, ±20 % jitter so jobs that
 * failed together (Telegram down) do not come back together; a server's `retry_after` wins when longer.
 */
export function retryDelayMs(attempts: number, retryAfterMs: number | null = null, random: () => number = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exponential * (0.8 + 0.4 * random()));
  return Math.max(jittered, retryAfterMs ?? 0);
}
