/** Telegram sends that fail for a passing reason (429, 5xx, network) are tried this often in all. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** A worker holds a claimed message this long; a crash mid-send frees it for another replica after it. */
export const DELIVERY_LEASE_MS = 60_000;

/**
 * When to try again after `attempts` failed tries: 2 s, 4 s, 8 s, 16 s (± 20 % jitter so replicas do
 * not retry in step), at least what Telegram asked for with `retry_after`. null = give up.
 */
export function nextAttemptDelayMs(attempts: number, retryAfterS?: number, random = Math.random): number | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  const base = 1000 * 2 ** attempts;
  const jittered = Math.round(base * (0.8 + 0.4 * random()));
  return Math.max(jittered, (retryAfterS ?? 0) * 1000);
}
