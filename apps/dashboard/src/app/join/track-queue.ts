import type { TrackPointRequest } from '@convoy/contracts';

/** Points kept while Convoy cannot be reached (~40 min at one point per 5 s); the oldest go first. */
export const MAX_QUEUED_POINTS = 500;
/** Points per request (one POST /api/track with an array). */
export const MAX_BATCH = 100;

/**
 * The browser's points on their way to `POST /api/track`, in memory only (the page is the sender:
 * closing it ends sharing). Like the server's group commit: a point goes at once when nothing is in
 * flight; meanwhile new points collect and the next request takes them all. A failed batch goes back
 * to the front, in order, to be sent again.
 */
export class TrackQueue {
  private points: TrackPointRequest[] = [];
  private inFlight: TrackPointRequest[] | null = null;

  /** Points not yet confirmed by the server (waiting or in flight). */
  get size(): number {
    return this.points.length + (this.inFlight?.length ?? 0);
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  add(point: TrackPointRequest): void {
    this.points.push(point);
    const overflow = this.size - MAX_QUEUED_POINTS;
    if (overflow > 0) this.points.splice(0, Math.min(overflow, this.points.length));
  }

  /** The next batch to send, or null while one is in flight or nothing waits. */
  take(): TrackPointRequest[] | null {
    if (this.inFlight || this.points.length === 0) return null;
    this.inFlight = this.points.splice(0, MAX_BATCH);
    return this.inFlight;
  }

  /** The batch in flight was stored (or refused for good): forget it. */
  done(): void {
    this.inFlight = null;
  }

  /** The batch in flight failed: it goes back in front of what arrived meanwhile. */
  failed(): void {
    if (!this.inFlight) return;
    this.points = [...this.inFlight, ...this.points];
    this.inFlight = null;
    const overflow = this.points.length - MAX_QUEUED_POINTS;
    if (overflow > 0) this.points.splice(0, overflow);
  }

  clear(): void {
    this.points = [];
    this.inFlight = null;
  }
}

/** How long to wait before resending after the `attempt`-th failure in a row (1 s, 2 s, 4 s … 60 s). */
export function retryDelayMs(attempt: number, retryAfterSeconds: number | null = null): number {
  if (retryAfterSeconds !== null && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) {
    return Math.min(retryAfterSeconds, 300) * 1000;
  }
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** `Retry-After` as seconds (delta-seconds or an HTTP date), null when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** The browser's position as a track point: NaN / missing readings become null (unknown). */
export function toTrackPoint(position: GeolocationPosition, battery: number | null): TrackPointRequest {
  const c = position.coords;
  return {
    lat: c.latitude,
    lon: c.longitude,
    accuracy: finiteOrNull(c.accuracy),
    heading: finiteOrNull(c.heading),
    speed: finiteOrNull(c.speed),
    altitude: finiteOrNull(c.altitude),
    recordedAt: new Date(position.timestamp).toISOString(),
    battery,
  };
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
