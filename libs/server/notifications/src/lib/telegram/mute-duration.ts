/** The longest `/mute` (a month): longer would be an unlink in disguise. */
export const MAX_MUTE_MS = 31 * 24 * 3600_000;

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3600_000, d: 24 * 3600_000 };

/**
 * `/mute` durations: `30m`, `2h`, `1d` (also `1 h`, `90min`, `2hours`); bare `/mute` is 1 h. Returns
 * milliseconds, or null for anything else, zero, or more than {@link MAX_MUTE_MS}.
 */
export function parseMuteDuration(text: string | null | undefined): number | null {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '') return UNIT_MS['h'];
  const match = /^(\d{1,4})\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?)$/.exec(value);
  if (!match) return null;
  const amount = Number(match[1]);
  const ms = amount * UNIT_MS[match[2][0]];
  return ms > 0 && ms <= MAX_MUTE_MS ? ms : null;
}
