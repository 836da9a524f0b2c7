import type { DriverStatus } from '@convoy/contracts';

/**
 * The server's status rule (libs/server/tracking driver-status.ts), mirrored so a driver's status
 * decays in the browser as time passes without any event. Keep the two in step.
 */

/** AUTO_TRACK_INTERVAL's default; the server never expects less than this. */
export const EXPECTED_INTERVAL_MS = 30_000;
/** A position younger than this makes a driver live. */
export const LIVE_WITHIN_MS = 2 * EXPECTED_INTERVAL_MS;
/** Without news for this long, a driver who is not sharing counts as offline. */
export const OFFLINE_AFTER_MS = 30 * 60_000;

export interface StatusFacts {
  /** recordedAt of the latest position (ms), null when the driver never sent one. */
  lastSeenMs: number | null;
  /** When the current sharing session began (ms), null when not sharing. */
  sharingSinceMs: number | null;
  /** When the Telegram live location runs out (ms), null when indefinite or not sharing. */
  liveUntilMs: number | null;
  /**
   * The server said "sharing ended" while the latest position was this one (its recordedAt, ms;
   * -Infinity when there was none). The DTO does not carry the server's sharingEndedAt: a position
   * newer than this mark is what ends the "ended" state, as on the server.
   */
  sharingEndedAsOfMs: number | null;
}

export function liveStatus(facts: StatusFacts, nowMs: number): DriverStatus {
  const last = facts.lastSeenMs;
  const ended =
    (facts.sharingEndedAsOfMs !== null && (last === null || last <= facts.sharingEndedAsOfMs)) ||
    (facts.liveUntilMs !== null && facts.liveUntilMs <= nowMs && (last === null || facts.liveUntilMs >= last));
  if (ended) return 'sharing-ended';
  if (last === null) return 'offline';
  const age = nowMs - last;
  if (age <= LIVE_WITHIN_MS) return 'live';
  if (facts.sharingSinceMs !== null || age <= OFFLINE_AFTER_MS) return 'stale';
  return 'offline';
}
