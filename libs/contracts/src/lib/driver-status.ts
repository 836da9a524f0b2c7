import type { DriverStatus } from './drivers';

/**
 * The one status rule, shared by the API (DriverDto.status) and the dashboard (which re-applies it
 * as time passes, without any event). Pure and runtime-free, like the rest of contracts.
 */

/** Without news for this long, a driver who is not sharing counts as offline. */
export const OFFLINE_AFTER_MS = 30 * 60_000;

/** The live window for AUTO_TRACK_INTERVAL's default (30 s): used until the server says otherwise. */
export const DEFAULT_LIVE_WITHIN_MS = 60_000;

/**
 * How long after its latest position a driver still counts as live: twice the interval a stream is
 * expected to update at (AUTO_TRACK_INTERVAL, never less than 30 s — Telegram's own live-location pace).
 */
export function liveWithinMs(autoTrackIntervalSeconds: number): number {
  return 2 * Math.max(autoTrackIntervalSeconds, 30) * 1000;
}

/** What the status is computed from, as epoch milliseconds; null = none / unknown. */
export interface DriverStatusFacts {
  /** recordedAt of the latest position. */
  lastSeenMs: number | null;
  /** When the current sharing session began; null when not sharing. */
  sharingSinceMs: number | null;
  /** When the driver last stopped sharing (or /stop). */
  sharingEndedAtMs: number | null;
  /** When the current Telegram live location runs out; null when indefinite or not sharing. */
  liveUntilMs: number | null;
}

/**
 * Whether a driver is sharing now: a session began (a live location, check-ins, the browser page, a
 * GPS app) and has not ended — explicitly (a final live edit, /stop, the page's Stop) or because its
 * Telegram live period ran out. The one rule the status, the bot's /status and the join page use.
 */
export function isSharingAt(
  facts: Pick<DriverStatusFacts, 'sharingSinceMs' | 'sharingEndedAtMs' | 'liveUntilMs'>,
  nowMs: number,
): boolean {
  if (facts.sharingSinceMs === null) return false;
  if (facts.sharingEndedAtMs !== null && facts.sharingEndedAtMs >= facts.sharingSinceMs) return false;
  return facts.liveUntilMs === null || facts.liveUntilMs > nowMs;
}

/**
 * live: a position within `liveWithin` ms; sharing-ended: the driver stopped sharing (or the live
 * period ran out) after their latest position; stale: still sharing, or seen within OFFLINE_AFTER_MS,
 * but quiet; offline: otherwise.
 */
export function driverStatusAt(facts: DriverStatusFacts, nowMs: number, liveWithin: number): DriverStatus {
  const last = facts.lastSeenMs;
  const ended =
    (facts.sharingEndedAtMs !== null && (last === null || facts.sharingEndedAtMs >= last)) ||
    (facts.liveUntilMs !== null && facts.liveUntilMs <= nowMs && (last === null || facts.liveUntilMs >= last));
  if (ended) return 'sharing-ended';
  if (last === null) return 'offline';
  const age = nowMs - last;
  if (age <= liveWithin) return 'live';
  if (isSharingAt(facts, nowMs) || age <= OFFLINE_AFTER_MS) return 'stale';
  return 'offline';
}
