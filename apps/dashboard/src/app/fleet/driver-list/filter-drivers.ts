import type { DriverStatus } from '@convoy/contracts';
import type { LiveDriver } from '../../core/live/live-driver';
import type { DriverSort } from '../fleet-view.state';

export interface DriverFilter {
  search: string;
  /** Empty = every status. */
  statuses: ReadonlySet<DriverStatus>;
  sort: DriverSort;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The drivers to list: name contains the search (ignoring case and accents), status, order. */
export function filterDrivers(drivers: Iterable<LiveDriver>, filter: DriverFilter): LiveDriver[] {
  const needle = searchKey(filter.search.trim());
  const result: LiveDriver[] = [];
  for (const driver of drivers) {
    if (filter.statuses.size > 0 && !filter.statuses.has(driver.status)) continue;
    if (needle && !searchKey(driver.name).includes(needle)) continue;
    result.push(driver);
  }
  return result.sort(filter.sort === 'name' ? byName : byLastSeen);
}

function byName(a: LiveDriver, b: LiveDriver): number {
  return collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
}

/** Most recent first; never-seen drivers last (by name). */
function byLastSeen(a: LiveDriver, b: LiveDriver): number {
  if (a.lastSeenMs === null || b.lastSeenMs === null) {
    return a.lastSeenMs === b.lastSeenMs ? byName(a, b) : a.lastSeenMs === null ? 1 : -1;
  }
  return b.lastSeenMs - a.lastSeenMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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
