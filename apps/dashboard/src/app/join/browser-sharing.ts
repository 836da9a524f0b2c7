import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import type { TrackPointRequest } from '@convoy/contracts';
import { parseRetryAfter, retryDelayMs, toTrackPoint, TrackQueue } from './track-queue';

export type SharingState =
  /** not started (or stopped before the page was left) */
  | 'idle'
  | 'sharing'
  | 'stopping'
  /** the driver pressed Stop */
  | 'ended'
  /** the device key no longer works (a dispatcher disconnected it, the driver was deleted) */
  | 'revoked'
  /** the browser refused location access */
  | 'denied'
  /** no geolocation here at all, or not a secure context */
  | 'unsupported'
  | 'insecure';

/** Something worth telling the driver while sharing goes on. */
export type SharingProblem = 'unavailable' | 'send-failed' | null;

/** What sharing needs from the outside world (the browser, the API, time); tests pass their own. */
export interface SharingDeps {
  geolocation: Geolocation | null;
  secureContext: boolean;
  send(points: readonly TrackPointRequest[]): Promise<unknown>;
  stop(): Promise<unknown>;
  /** Screen Wake Lock, where the browser has it. */
  wakeLock: { request(type: 'screen'): Promise<{ release(): Promise<void> }> } | null;
  /** The battery level in %, where the browser tells it. */
  battery: () => number | null;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

/** Status codes that mean "this key is no good any more": stop, do not retry. */
const KEY_REFUSED = new Set([401, 403, 404, 410]);

/**
 * The browser channel while the page is open: `watchPosition` → TrackQueue → `POST /api/track`,
 * failed sends retried with back-off (the server's `Retry-After` honoured), the screen kept on where
 * Screen Wake Lock exists. Closing the page just stops sending (the status rule then says stale);
 * Stop tells the server (`DELETE /api/track` → sharing-ended).
 */
export class BrowserSharing {
  readonly state = signal<SharingState>('idle');
  readonly problem = signal<SharingProblem>(null);
  readonly since = signal<number | null>(null);
  readonly lastSentAt = signal<number | null>(null);
  readonly pending = signal(0);
  readonly screenKeptOn = signal(false);
  /** After Stop: false while the server has not confirmed the end (offline). */
  readonly endConfirmed = signal(true);
  /** Called when the state changes in a way the page should remember (sharing on/off, revoked). */
  onStateChange: (state: SharingState) => void = () => undefined;

  private readonly queue = new TrackQueue();
  private watchId: number | null = null;
  private retryTimer: unknown = null;
  private failures = 0;
  private wakeLock: { release(): Promise<void> } | null = null;

  constructor(private readonly deps: SharingDeps) {}

  start(): void {
    if (this.state() === 'sharing') return;
    if (!this.deps.secureContext) return this.become('insecure');
    const geolocation = this.deps.geolocation;
    if (!geolocation) return this.become('unsupported');
    this.problem.set(null);
    this.since.set(this.deps.now());
    this.become('sharing');
    this.watchId = geolocation.watchPosition(
      (position) => this.onPosition(position),
      (error) => this.onPositionError(error),
      { enableHighAccuracy: true, maximumAge: 0, timeout: 60_000 },
    );
    void this.keepScreenOn();
  }

  /** Stop pressed: stop watching, send what is queued, then tell the server. */
  async stop(): Promise<void> {
    if (this.state() !== 'sharing' && !(this.state() === 'ended' && !this.endConfirmed())) return;
    this.halt();
    this.become('stopping');
    try {
      const batch = this.queue.take();
      if (batch) await this.deps.send(batch).catch(() => undefined);
      this.queue.clear();
      this.pending.set(0);
      await this.deps.stop();
      this.endConfirmed.set(true);
      this.become('ended');
    } catch (error) {
      if (this.keyRefused(error)) return;
      this.endConfirmed.set(false);
      this.become('ended');
    }
  }

  /** The page goes away: stop sending, without telling the server (a reload resumes). */
  dispose(): void {
    this.halt();
  }

  /** The driver moved to a GPS app: stop sending from here, ready to start again later. */
  switchAway(): void {
    this.halt();
    this.queue.clear();
    this.pending.set(0);
    this.state.set('idle');
  }

  /** Re-take the wake lock after the page was hidden (the browser drops it then). */
  onVisible(): void {
    if (this.state() === 'sharing' && !this.wakeLock) void this.keepScreenOn();
  }

  /** Back online: resend now instead of waiting for the back-off. */
  onOnline(): void {
    if (this.state() !== 'sharing' || !this.retryTimer) return;
    this.deps.clearTimer(this.retryTimer);
    this.retryTimer = null;
    void this.flush();
  }

  private onPosition(position: GeolocationPosition): void {
    if (this.state() !== 'sharing') return;
    if (this.problem() === 'unavailable') this.problem.set(null);
    this.queue.add(toTrackPoint(position, this.deps.battery()));
    this.pending.set(this.queue.size);
    if (!this.retryTimer) void this.flush();
  }

  private onPositionError(error: GeolocationPositionError): void {
    if (this.state() !== 'sharing') return;
    if (error.code === error.PERMISSION_DENIED) {
      this.halt();
      this.become('denied');
    } else {
      this.problem.set('unavailable'); // no fix yet or a timeout: the watch keeps trying
    }
  }

  private async flush(): Promise<void> {
    const batch = this.queue.take();
    if (!batch) return;
    try {
      await this.deps.send(batch);
      this.queue.done();
      this.failures = 0;
      this.lastSentAt.set(this.deps.now());
      if (this.problem() === 'send-failed') this.problem.set(null);
    } catch (error) {
      if (this.keyRefused(error)) return;
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      if (status === 400 || status === 422) {
        this.queue.done(); // the server will never take these points: do not resend them forever
      } else {
        this.queue.failed();
        this.failures += 1;
        this.problem.set('send-failed');
        const retryAfter = error instanceof HttpErrorResponse ? parseRetryAfter(error.headers.get('Retry-After'), this.deps.now()) : null;
        this.scheduleRetry(retryDelayMs(this.failures, retryAfter));
      }
    } finally {
      this.pending.set(this.queue.size);
    }
    if (this.state() === 'sharing' && !this.retryTimer) void this.flush();
  }

  private scheduleRetry(ms: number): void {
    if (this.state() !== 'sharing') return;
    this.retryTimer = this.deps.setTimer(() => {
      this.retryTimer = null;
      void this.flush();
    }, ms);
  }

  private keyRefused(error: unknown): boolean {
    if (!(error instanceof HttpErrorResponse) || !KEY_REFUSED.has(error.status)) return false;
    this.halt();
    this.queue.clear();
    this.pending.set(0);
    this.become('revoked');
    return true;
  }

  private halt(): void {
    if (this.watchId !== null) this.deps.geolocation?.clearWatch(this.watchId);
    this.watchId = null;
    if (this.retryTimer) this.deps.clearTimer(this.retryTimer);
    this.retryTimer = null;
    const lock = this.wakeLock;
    this.wakeLock = null;
    this.screenKeptOn.set(false);
    void lock?.release().catch(() => undefined);
  }

  private async keepScreenOn(): Promise<void> {
    if (!this.deps.wakeLock) return;
    try {
      const lock = await this.deps.wakeLock.request('screen');
      if (this.state() !== 'sharing') {
        await lock.release();
        return;
      }
      this.wakeLock = lock;
      this.screenKeptOn.set(true);
      (lock as Partial<EventTarget>).addEventListener?.('release', () => {
        if (this.wakeLock === lock) {
          this.wakeLock = null;
          this.screenKeptOn.set(false);
        }
      });
    } catch {
      this.screenKeptOn.set(false); // refused (battery saver, hidden page): sharing goes on
    }
  }

  private become(state: SharingState): void {
    this.state.set(state);
    this.onStateChange(state);
  }
}
