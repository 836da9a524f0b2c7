/** A report's range: [from, to) in epoch ms, and the zone its days and CSV times are in. */
export interface ReportRange {
  from: number;
  to: number;
  tz: string;
  /** Both bounds were given as calendar days: the range is whole days in `tz` (what prepared summaries keep). */
  wholeDays?: boolean;
}

/** At most this long a range per request (a month of 1-second points is ~2.7 M rows per driver). */
export const MAX_REPORT_RANGE_DAYS = 31;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `from`/`to` as ISO date-times, or as calendar days (`2026-12-01`) in `tz`: a day `from` starts at
 * its local midnight, a day `to` includes that whole day. Unset: today in `tz`. Returns a reason when
 * the range is unusable.
 */
export function resolveRange(from: string | undefined, to: string | undefined, tz: string, now = Date.now()): ReportRange | string {
  const today = localDate(now, tz);
  const start = from === undefined ? startOfDay(today, tz) : parseBound(from, tz, false);
  const end = to === undefined ? (from === undefined ? startOfDay(nextDay(today), tz) : now) : parseBound(to, tz, true);
  if (start === null) return 'from must be an ISO date-time or a day (YYYY-MM-DD)';
  if (end === null) return 'to must be an ISO date-time or a day (YYYY-MM-DD)';
  if (end <= start) return 'to must be after from';
  if (end - start > MAX_REPORT_RANGE_DAYS * 86_400_000) return `the range is longer than ${MAX_REPORT_RANGE_DAYS} days`;
  return { from: start, to: end, tz, wholeDays: from !== undefined && to !== undefined && DAY.test(from) && DAY.test(to) };
}

function parseBound(text: string, tz: string, isEnd: boolean): number | null {
  const day = DAY.exec(text);
  if (day) return startOfDay(isEnd ? nextDay(text) : text, tz);
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** The zone's offset from UTC at `ms`, in ms (Berlin in winter: +3,600,000). */
export function zoneOffsetMs(ms: number, tz: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts['year'], +parts['month'] - 1, +parts['day'], +parts['hour'], +parts['minute'], +parts['second']);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant a local calendar day (`YYYY-MM-DD`) starts in `tz` (DST-safe). */
export function startOfDay(day: string, tz: string): number {
  const [, y, m, d] = DAY.exec(day) ?? [];
  const wall = Date.UTC(+y, +m - 1, +d);
  let guess = wall - zoneOffsetMs(wall, tz);
  guess = wall - zoneOffsetMs(guess, tz);
  return guess;
}

/** `YYYY-MM-DD` of `ms` in `tz`. */
export function localDate(ms: number, tz: string): string {
  return new Date(ms + zoneOffsetMs(ms, tz)).toISOString().slice(0, 10);
}

/** `2026-12-01T08:31:00+01:00`: the time as people in `tz` read it, unambiguous for a spreadsheet. */
export function localDateTime(ms: number, tz: string): string {
  const offset = zoneOffsetMs(ms, tz);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60_000;
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${new Date(ms + offset).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

function nextDay(day: string): string {
  const [, y, m, d] = DAY.exec(day) ?? [];
  return new Date(Date.UTC(+y, +m - 1, +d + 1)).toISOString().slice(0, 10);
}
