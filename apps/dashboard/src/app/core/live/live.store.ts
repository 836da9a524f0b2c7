import { HttpClient } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  DEFAULT_LIVE_WITHIN_MS,
  LIVE_REFUSALS,
  type DriverChange,
  type DriverDto,
  type DriverStatus,
  type LiveRevocationReason,
  type MeResponse,
  type PositionDto,
} from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../auth/auth.store';
import { PublicConfigStore } from '../config/public-config.store';
import { safeReturnUrl } from '../auth/return-url';
import { SESSION_ENDED } from '../auth/session-ended';
import { errorStatus } from '../http/api-error';
import { API } from '../http/api-paths';
import { ActivityFeed } from './activity-feed';
import { DriversApi } from './drivers-api';
import { FRAME_SCHEDULER } from './frame-scheduler';
import { LIVE_CHANNEL, type LiveChannel } from './live-channel';
import type { LiveDriver, LiveFleet } from './live-driver';
import { LiveState } from './live-state';
import { RECONNECT } from './socket-io-channel';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'unauthorized';

export type StatusCounts = Record<DriverStatus, number>;

/** How often statuses are recomputed from the clock (live → stale → offline without any event). */
export const STATUS_RECOMPUTE_MS = 5_000;

type LiveEvent =
  | { kind: 'replace'; drivers: readonly DriverDto[] }
  | { kind: 'positions'; batch: readonly PositionDto[] }
  | { kind: 'change'; change: DriverChange }
  | { kind: 'tick' };

/**
 * The live fleet: every driver with its newest position and a status that follows the clock, fed by
 * the `/live` socket and re-synced from `GET /api/drivers` on every reconnect.
 *
 * Socket events are queued and applied together once per animation frame (a burst of a thousand
 * positions is one signal change, one change detection). Provided by the fleet page: it connects in
 * `start()` and disconnects when the page goes away.
 */
@Injectable()
export class LiveStore {
  private readonly api = inject(DriversApi);
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly openChannel = inject(LIVE_CHANNEL);
  private readonly requestFrame = inject(FRAME_SCHEDULER);
  private readonly publicConfig = inject(PublicConfigStore);
  /** Provided with the store by the fleet page: arrivals and departures for the activity feed. */
  private readonly activity = inject(ActivityFeed, { optional: true });

  private readonly state = new LiveState();
  private readonly _fleet = signal<LiveFleet>({ drivers: this.state.drivers, revision: 0, changed: null });
  private readonly _connection = signal<ConnectionState>('connecting');
  private readonly _reconnectAttempt = signal(0);
  private readonly _loaded = signal(false);
  private readonly _framesApplied = signal(0);

  /** Every driver by id, with a revision that changes on every publish (see LiveFleet). */
  readonly fleet = this._fleet.asReadonly();
  readonly connection = this._connection.asReadonly();
  /** The reconnection attempt under way (0 while connected). */
  readonly reconnectAttempt = this._reconnectAttempt.asReadonly();
  /** A first full list has arrived: before that, "no drivers" only means "not loaded yet". */
  readonly loaded = this._loaded.asReadonly();
  /** How many times queued events were applied: at most once per animation frame. */
  readonly framesApplied = this._framesApplied.asReadonly();
  readonly total = computed(() => this._fleet().drivers.size);
  readonly counts = computed(() => countByStatus(this._fleet().drivers.values()));

  private queue: LiveEvent[] = [];
  private cancelFrame: (() => void) | null = null;
  private channel: LiveChannel | null = null;
  private everConnected = false;
  private snapshotsReceived = 0;
  private manualRetries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private statusTimer: ReturnType<typeof setInterval> | undefined;
  private readonly fetching = new Set<string>();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Loads the fleet and opens the live feed. Idempotent. */
  start(): void {
    if (this.channel) return;
    this._connection.set('connecting');
    void this.resync();
    this.channel = this.openChannel({
      connected: () => this.onConnected(),
      disconnected: (willRetry) => this.onDisconnected(willRetry),
      refused: (message) => void this.onRefused(message),
      revoked: (reason) => this.signOut(reason),
      reconnecting: (attempt) => this._reconnectAttempt.set(attempt),
      snapshot: (drivers) => {
        this.snapshotsReceived++;
        this.enqueue({ kind: 'replace', drivers });
      },
      positions: (batch) => this.enqueue({ kind: 'positions', batch }),
      driver: (change) => this.enqueue({ kind: 'change', change }),
      visits: (changes) => this.activity?.add(changes),
    });
    this.statusTimer = setInterval(() => this.enqueue({ kind: 'tick' }), STATUS_RECOMPUTE_MS);
  }

  /** Closes the feed and drops anything queued. */
  stop(): void {
    this.channel?.close();
    this.channel = null;
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.queue = [];
    clearTimeout(this.retryTimer);
    clearInterval(this.statusTimer);
  }

  /** Try to reconnect now instead of waiting for the back-off. */
  retryNow(): void {
    clearTimeout(this.retryTimer);
    this._connection.set('connecting');
    this.channel?.reconnect();
  }

  driver(id: string): LiveDriver | undefined {
    return this._fleet().drivers.get(id);
  }

  /** A change this browser made through the API (rename, delete): shown without waiting for the echo. */
  applyLocally(change: DriverChange): void {
    this.enqueue({ kind: 'change', change });
  }

  private enqueue(event: LiveEvent): void {
    this.queue.push(event);
    this.cancelFrame ??= this.requestFrame(() => this.applyQueued());
  }

  /** Once per frame: everything that arrived since the last frame, then one publish. */
  private applyQueued(): void {
    this.cancelFrame = null;
    const started = performance.now();
    const events = this.queue;
    this.queue = [];
    const now = Date.now();
    let changed = false;
    let replaced = false;
    let tick = false;
    // the server's live window (AUTO_TRACK_INTERVAL); the default until /api/config has answered
    const liveWithinMs = (this.publicConfig.config()?.liveWithinSeconds ?? 0) * 1000 || DEFAULT_LIVE_WITHIN_MS;
    if (liveWithinMs !== this.state.liveWithinMs) {
      this.state.liveWithinMs = liveWithinMs;
      tick = true;
    }
    const unknown = new Set<string>();
    for (const event of events) {
      switch (event.kind) {
        case 'replace':
          this.state.replaceAll(event.drivers, now);
          changed = replaced = true;
          break;
        case 'positions': {
          const outcome = this.state.applyPositions(event.batch, now);
          changed ||= outcome.changed;
          for (const id of outcome.unknownDriverIds) unknown.add(id);
          break;
        }
        case 'change':
          changed = this.state.applyChange(event.change, now) || changed;
          break;
        case 'tick':
          tick = true;
          break;
      }
    }
    if (tick) changed = this.state.recomputeStatuses(now) || changed;
    const changes = this.state.takeChanges();
    if (changed) {
      this._fleet.update(({ revision }) => ({ drivers: this.state.drivers, revision: revision + 1, changed: changes }));
    }
    if (replaced && !this._loaded()) this._loaded.set(true);
    this._framesApplied.update((n) => n + 1);
    for (const id of unknown) void this.fetchDriver(id);
    // User Timing, read by the dashboard benchmark
    performance.measure('cv:live-apply', { start: started, end: performance.now(), detail: `${events.length} events` });
  }

  private onConnected(): void {
    clearTimeout(this.retryTimer);
    this.manualRetries = 0;
    this._reconnectAttempt.set(0);
    this._connection.set('connected');
    // the server sends a snapshot on every connect; after a gap, also re-read the REST list
    if (this.everConnected) void this.resync();
    // today's visits so far (again after a gap: what happened while disconnected)
    void this.activity?.load();
    this.everConnected = true;
  }

  private onDisconnected(willRetry: boolean): void {
    if (this._connection() === 'unauthorized') return;
    this._connection.set('disconnected');
    if (!willRetry) this.scheduleRetry();
  }

  /**
   * The handshake was refused. "unavailable" (the server could not check the session): retry with
   * back-off. "unauthorized": the session most likely ended — `/api/auth/me` confirms before anyone is
   * signed out (a proxy or an older server may say it for other reasons).
   */
  private async onRefused(message: string): Promise<void> {
    if (message === LIVE_REFUSALS.unauthorized) {
      try {
        await firstValueFrom(this.http.get<MeResponse>(API.me));
      } catch (error) {
        if (errorStatus(error) === 401) {
          this.signOut(SESSION_ENDED);
          return;
        }
      }
    }
    if (!this.channel) return;
    this._connection.set('disconnected');
    this.scheduleRetry();
  }

  /** Retries socket.io does not make itself (after a refusal): same capped, randomised back-off. */
  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const base = Math.min(RECONNECT.maxDelayMs, RECONNECT.delayMs * 2 ** this.manualRetries);
    const spread = 1 - RECONNECT.randomization + Math.random() * 2 * RECONNECT.randomization;
    this.manualRetries++;
    this._reconnectAttempt.set(this.manualRetries);
    this.retryTimer = setTimeout(() => this.channel?.reconnect(), Math.round(base * spread));
  }

  /** `GET /api/drivers` as a full replace, unless a (newer) snapshot arrived while it was in flight. */
  private async resync(): Promise<void> {
    const snapshotsBefore = this.snapshotsReceived;
    try {
      const drivers = await this.api.list();
      if (this.channel && this.snapshotsReceived === snapshotsBefore) this.enqueue({ kind: 'replace', drivers });
    } catch {
      // a 401 signs out through the HTTP interceptor; otherwise the socket's snapshot will do
    }
  }

  /** A position for a driver we do not know yet (joined while the list was loading). */
  private async fetchDriver(id: string): Promise<void> {
    if (this.fetching.has(id)) return;
    this.fetching.add(id);
    try {
      const driver = await this.api.get(id);
      if (this.channel) this.enqueue({ kind: 'change', change: { type: 'upsert', driver } });
    } catch {
      // deleted meanwhile, or not ours to see
    } finally {
      this.fetching.delete(id);
    }
  }

  /** To the login page, which says why: the server's `revoked` reason, or "session ended". */
  private signOut(reason: LiveRevocationReason | typeof SESSION_ENDED): void {
    if (this._connection() === 'unauthorized') return;
    this._connection.set('unauthorized');
    this.stop();
    this.auth.clear();
    const returnUrl = safeReturnUrl(this.router.url);
    void this.router.navigate(['/login'], {
      queryParams: { reason, ...(returnUrl === '/' ? {} : { returnUrl }) },
    });
  }
}

export function countByStatus(drivers: Iterable<LiveDriver>): StatusCounts {
  const counts: StatusCounts = { live: 0, stale: 0, offline: 0, 'sharing-ended': 0 };
  for (const driver of drivers) counts[driver.status]++;
  return counts;
}
