import type { DriverStatus } from '@convoy/contracts';
import type { LiveDriver } from '../../core/live/live-driver';
import type { DriverSort } from '../fleet-view.state';

export interface DriverFilter {
  search: string;
  /** Empty = every status. */
  statuses: ReadonlySet<DriverStatus>;
  /** Only drivers whose current place is this one; null/undefined = anywhere. */
  placeId?: string | null;
  sort: DriverSort;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The drivers to list: name contains the search (ignoring case and accents), status, current place, order. */
export function filterDrivers(drivers: Iterable<LiveDriver>, filter: DriverFilter): LiveDriver[] {
  const needle = searchKey(filter.search.trim());
  const result: LiveDriver[] = [];
  for (const driver of drivers) {
    if (filter.statuses.size > 0 && !filter.statuses.has(driver.status)) continue;
    if (filter.placeId && driver.currentPlace?.id !== filter.placeId) continue;
    if (needle && !searchKey(driver.name).includes(needle)) continue;
    result.push(driver);
  }
  return result.sort(filter.sort === 'name' ? byName : byLastSeen);
}

function byName(a: LiveDriver, b: LiveDriver): number {
  return collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
}

/** One minute: the grain of "last seen" order among drivers who are not live. */
const MINUTE_MS = 60_000;

/**
 * Most recent first, but in buckets, so a row moves only when its driver changes bucket — not on every
 * position (live drivers report every few seconds: ordering them by the millisecond would reshuffle
 * the rows under the pointer and the keyboard focus on each re-sort).
 * 1. live drivers, by name; 2. everybody else by the minute they were last seen, newest first, then
 * by name; 3. never-seen drivers, by name.
 */
function byLastSeen(a: LiveDriver, b: LiveDriver): number {
  const newer = lastSeenBucket(b) - lastSeenBucket(a);
  return newer > 0 ? 1 : newer < 0 ? -1 : byName(a, b); // NaN (both live or both never seen): by name
}

/** Higher = listed first. */
function lastSeenBucket(driver: LiveDriver): number {
  if (driver.lastSeenMs === null) return Number.NEGATIVE_INFINITY;
  if (driver.status === 'live') return Number.POSITIVE_INFINITY;
  return Math.floor(driver.lastSeenMs / MINUTE_MS);
}

const keys = new Map<string, string>();

/** "Jan Novák" → "jan novak": cached, names repeat on every filter run. */
function searchKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (keys.size > 50_000) keys.clear();
    keys.set(text, key);
  }
  return key;
}

/** The places drivers are at now, by name, with how many are there (the place filter's options). */
export function currentPlaces(drivers: Iterable<LiveDriver>): Array<{ id: string; name: string; count: number }> {
  const byId = new Map<string, { id: string; name: string; count: number }>();
  for (const driver of drivers) {
    const place = driver.currentPlace;
    if (!place) continue;
    const known = byId.get(place.id);
    if (known) known.count++;
    else byId.set(place.id, { id: place.id, name: place.name, count: 1 });
  }
  return [...byId.values()].sort((a, b) => collator.compare(a.name, b.name));
}
