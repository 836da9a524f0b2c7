import { DEFAULT_LIVE_WITHIN_MS, driverStatusAt, type DriverStatusFacts, isSharingAt, liveWithinMs, OFFLINE_AFTER_MS } from './driver-status';

const now = Date.parse('2026-11-24T12:00:00Z');
const ago = (ms: number) => now - ms;
const none: DriverStatusFacts = { lastSeenMs: null, sharingSinceMs: null, sharingEndedAtMs: null, liveUntilMs: null };
const window = DEFAULT_LIVE_WITHIN_MS;

describe('driverStatusAt', () => {
  it('is live with a position within the live window', () => {
    expect(driverStatusAt({ ...none, lastSeenMs: ago(59_000) }, now, window)).toBe('live');
    expect(driverStatusAt({ ...none, lastSeenMs: ago(61_000) }, now, window)).toBe('stale');
  });

  it('widens the live window with a slower AUTO_TRACK_INTERVAL, never below 60 s', () => {
    expect(liveWithinMs(30)).toBe(DEFAULT_LIVE_WITHIN_MS);
    expect(liveWithinMs(0)).toBe(DEFAULT_LIVE_WITHIN_MS);
    expect(liveWithinMs(120)).toBe(240_000);
    expect(driverStatusAt({ ...none, lastSeenMs: ago(200_000) }, now, liveWithinMs(120))).toBe('live');
  });

  it('is stale when quiet but still sharing, and offline when quiet for long without sharing', () => {
    expect(driverStatusAt({ ...none, lastSeenMs: ago(OFFLINE_AFTER_MS + 1), sharingSinceMs: ago(OFFLINE_AFTER_MS * 2) }, now, window)).toBe('stale');
    expect(driverStatusAt({ ...none, lastSeenMs: ago(OFFLINE_AFTER_MS + 1) }, now, window)).toBe('offline');
    expect(driverStatusAt(none, now, window)).toBe('offline');
  });

  it('is sharing-ended after the driver stopped, until a newer position arrives', () => {
    expect(driverStatusAt({ ...none, lastSeenMs: ago(10_000), sharingEndedAtMs: ago(5_000) }, now, window)).toBe('sharing-ended');
    expect(driverStatusAt({ ...none, lastSeenMs: ago(1_000), sharingEndedAtMs: ago(5_000) }, now, window)).toBe('live');
    expect(driverStatusAt({ ...none, sharingEndedAtMs: ago(5_000) }, now, window)).toBe('sharing-ended');
  });

  it('ends a live location when its live period ran out', () => {
    const facts = { ...none, lastSeenMs: ago(120_000), sharingSinceMs: ago(3_600_000), liveUntilMs: ago(1_000) };
    expect(driverStatusAt(facts, now, window)).toBe('sharing-ended');
    expect(driverStatusAt({ ...facts, liveUntilMs: now + 60_000 }, now, window)).toBe('stale');
    // a check-in after the expiry is news again
    expect(driverStatusAt({ ...facts, lastSeenMs: ago(500) }, now, window)).toBe('live');
  });
});

describe('isSharingAt', () => {
  it('is true from a session start until it ended or its live period ran out', () => {
    expect(isSharingAt(none, now)).toBe(false);
    expect(isSharingAt({ ...none, sharingSinceMs: ago(60_000) }, now)).toBe(true);
    expect(isSharingAt({ ...none, sharingSinceMs: ago(60_000), liveUntilMs: now + 1 }, now)).toBe(true);
    expect(isSharingAt({ ...none, sharingSinceMs: ago(60_000), liveUntilMs: now }, now)).toBe(false);
    expect(isSharingAt({ ...none, sharingSinceMs: ago(60_000), sharingEndedAtMs: ago(1_000) }, now)).toBe(false);
    // a session that started again after an earlier end
    expect(isSharingAt({ ...none, sharingSinceMs: ago(1_000), sharingEndedAtMs: ago(60_000) }, now)).toBe(true);
  });
});
