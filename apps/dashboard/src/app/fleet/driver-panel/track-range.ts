import type { TimeRange } from '../../core/live/drivers-api';

/** A range of whole days in the browser's time zone, as `<input type="date">` values (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

/** The longest range one request may ask for. */
export const MAX_RANGE_DAYS = 31;

export function toDateInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function todayRange(now = new Date()): DayRange {
  const today = toDateInput(now);
  return { from: today, to: today };
}

/** From local midnight of the first day to the last millisecond of the last day. */
export function rangeTimes(range: DayRange): TimeRange {
  const from = localDay(range.from);
  const to = localDay(range.to);
  to.setDate(to.getDate() + 1);
  to.setMilliseconds(-1);
  return { from, to };
}

/** Why the range cannot be loaded, or null when it can. */
export function rangeProblem(range: DayRange): string | null {
  if (!isDateInput(range.from) || !isDateInput(range.to)) return 'Choose both days.';
  const { from, to } = rangeTimes(range);
  if (from > to) return 'The first day is after the last one.';
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) return `Choose at most ${MAX_RANGE_DAYS} days.`;
  return null;
}

function isDateInput(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(localDay(value).getTime());
}

function localDay(value: string): Date {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year, month - 1, day);
}
