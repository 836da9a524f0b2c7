import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { VisitChange, VisitDto } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../http/api-paths';

/** The feed shows at most this many entries (the newest). */
export const ACTIVITY_LIMIT = 200;

/** One line of the activity feed: an arrival or a departure. */
export interface ActivityEntry {
  /** `arrived:<visit id>` / `departed:<visit id>`: the same change from the REST list and the socket is one entry. */
  key: string;
  type: 'arrived' | 'departed';
  driverId: string;
  driverName: string;
  placeId: string;
  placeName: string;
  /** When it happened (ms). */
  at: number;
  /** Departures: how long the driver stayed. */
  dwellSeconds: number | null;
}

/**
 * Today's arrivals and departures, newest first: the day so far from `GET /api/visits` (since local
 * midnight) when the live feed connects, then every `visits` socket event. Keyed by visit and type, so
 * a change both listed and pushed (or pushed again after a reconnect) shows once.
 */
@Injectable()
export class ActivityFeed {
  private readonly http = inject(HttpClient);
  private readonly byKey = new Map<string, ActivityEntry>();
  private readonly _entries = signal<readonly ActivityEntry[]>([]);
  private readonly _loaded = signal(false);

  readonly entries = this._entries.asReadonly();
  /** The day's list has been read once (before that, "nothing yet" only means "not loaded"). */
  readonly loaded = this._loaded.asReadonly();
  readonly count = computed(() => this._entries().length);

  async load(now = new Date()): Promise<void> {
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    try {
      const visits = await firstValueFrom(
        this.http.get<VisitDto[]>(API.visits, { params: { from: midnight.toISOString(), to: new Date(now.getTime() + 60_000).toISOString() } }),
      );
      this.merge(visits.flatMap((visit) => entriesOf(visit, midnight.getTime())));
    } catch {
      // the socket still brings what happens next
    } finally {
      this._loaded.set(true);
    }
  }

  add(changes: readonly VisitChange[]): void {
    this.merge(
      changes.map((change) => entry(change.type, change.visit, change.driverName, change.placeName)),
    );
  }

  private merge(entries: readonly ActivityEntry[]): void {
    if (entries.length === 0) return;
    for (const e of entries) this.byKey.set(e.key, e);
    const sorted = [...this.byKey.values()].sort((a, b) => b.at - a.at || a.key.localeCompare(b.key));
    for (const dropped of sorted.splice(ACTIVITY_LIMIT)) this.byKey.delete(dropped.key);
    this._entries.set(sorted);
  }
}

/** A listed visit's arrival and departure, those of today only (a visit open since yesterday shows no arrival). */
function entriesOf(visit: VisitDto, sinceMs: number): ActivityEntry[] {
  const result: ActivityEntry[] = [];
  if (Date.parse(visit.arrivedAt) >= sinceMs) result.push(entry('arrived', visit, visit.driverName, visit.placeName));
  if (visit.departedAt !== null && Date.parse(visit.departedAt) >= sinceMs) result.push(entry('departed', visit, visit.driverName, visit.placeName));
  return result;
}

function entry(type: 'arrived' | 'departed', visit: VisitDto, driverName: string, placeName: string): ActivityEntry {
  const departed = type === 'departed';
  return {
    key: `${type}:${visit.id}`,
    type,
    driverId: visit.driverId,
    driverName,
    placeId: visit.placeId,
    placeName,
    at: Date.parse(departed ? (visit.departedAt as string) : visit.arrivedAt),
    dwellSeconds: departed ? visit.dwellSeconds : null,
  };
}

/** "24 min", "2 h 05 min", "40 s". */
export function formatDwell(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "08:31" in the browser's zone. */
export function formatClock(ms: number): string {
  return CLOCK.format(ms);
}
