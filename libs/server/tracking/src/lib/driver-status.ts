import type { DriverStatus } from '@convoy/contracts';

/** Without news for this long, a driver who is not sharing counts as offline. */
export const OFFLINE_AFTER_MS = 30 * 60_000;

export interface StatusFacts {
  lastRecordedAt: Date | null;
  sharingSince: Date | null;
  sharingEndedAt: Date | null;
  liveUntil: Date | null;
}

/**
 * live: a position within 2 × the expected interval; sharing-ended: the driver stopped sharing
 * (or the live period ran out) after their last position; stale: still sharing, or seen within
 * OFFLINE_AFTER_MS, but quiet; offline: otherwise. The dashboard applies the same rule as time passes.
 */
export function driverStatus(facts: StatusFacts, now: Date, expectedIntervalMs: number): DriverStatus {
  const last = facts.lastRecordedAt?.getTime() ?? null;
  const ended =
    (facts.sharingEndedAt !== null && (last === null || facts.sharingEndedAt.getTime() >= last)) ||
    (facts.liveUntil !== null &&
      facts.liveUntil.getTime() <= now.getTime() &&
      (last === null || facts.liveUntil.getTime() >= last));
  if (ended) return 'sharing-ended';
  if (last === null) return 'offline';
  const age = now.getTime() - last;
  if (age <= 2 * expectedIntervalMs) return 'live';
  if (facts.sharingSince !== null || age <= OFFLINE_AFTER_MS) return 'stale';
  return 'offline';
}
