/** One day in ms. Partitions are UTC days: a day's bounds never move with DST or TIME_ZONE. */
export const DAY_MS = 86_400_000;

const PARTITION_NAME = /^positions_(\d{4})(\d{2})(\d{2})$/;

/** Midnight UTC of the day `at` falls in. */
export function utcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** `2026-12-01` for the day `day` starts. */
export function isoDay(day: Date): string {
  return utcDay(day).toISOString().slice(0, 10);
}

/** The partition holding `day`: `positions_20261201`. */
export function partitionName(day: Date): string {
  return `positions_${isoDay(day).replace(/-/g, '')}`;
}

/** The UTC day a daily partition holds, or null for any other table (the default partition). */
export function partitionDay(name: string): Date | null {
  const match = PARTITION_NAME.exec(name);
  if (!match) return null;
  const day = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || partitionName(day) !== name ? null : day;
}

/** The days from the day of `from` to `days` days after it, oldest first. */
export function daysAhead(from: Date, days: number): Date[] {
  const first = utcDay(from).getTime();
  return Array.from({ length: days + 1 }, (_, i) => new Date(first + i * DAY_MS));
}

/** What retention does with a daily partition: drop it whole, delete its expired part, or keep it. */
export function retentionOf(day: Date, cutoff: Date): 'drop' | 'trim' | 'keep' {
  const start = day.getTime();
  if (start + DAY_MS <= cutoff.getTime()) return 'drop';
  return start < cutoff.getTime() ? 'trim' : 'keep';
}
