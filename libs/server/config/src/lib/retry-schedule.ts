/**
 * The default waits between webhook delivery attempts, in seconds: roughly doubling, ~24.5 h in all
 * (11 retries after the first attempt). WEBHOOK_RETRY_SCHEDULE replaces it (tests use a few seconds).
 */
export const DEFAULT_RETRY_SCHEDULE_SECONDS: readonly number[] = [10, 30, 120, 300, 900, 1800, 3600, 7200, 14400, 28800, 28800];

/** Parses `10s,30s,2m,1h` (or plain seconds, `500ms`) into seconds; null if any part is not a duration up to 24 h. */
export function parseRetrySchedule(text: string): number[] | null {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0 || parts.length > 50) return null;
  const seconds: number[] = [];
  for (const part of parts) {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(part);
    if (!match) return null;
    const unit = ({ ms: 0.001, s: 1, m: 60, h: 3600 } as const)[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
    const value = Number(match[1]) * unit;
    if (!(value > 0) || value > 86_400) return null;
    seconds.push(value);
  }
  return seconds;
}
