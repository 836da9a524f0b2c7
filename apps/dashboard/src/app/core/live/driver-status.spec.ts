import { liveStatus, OFFLINE_AFTER_MS, type StatusFacts } from './driver-status';

// The same cases as the server's driver-status.spec.ts: the two rules must agree.
const now = Date.parse('2026-11-24T12:00:00Z');
const ago = (ms: number) => now - ms;
const none: StatusFacts = { lastSeenMs: null, sharingSinceMs: null, liveUntilMs: null, sharingEndedAsOfMs: null };

describe('liveStatus (mirror of the server rule)', () => {
  it('is live with a position within twice the expected interval', () => {
    expect(liveStatus({ ...none, lastSeenMs: ago(59_000) }, now)).toBe('live');
  });

  it('is stale when quiet but still sharing, and offline when quiet for long without sharing', () => {
    expect(liveStatus({ ...none, lastSeenMs: ago(61_000) }, now)).toBe('stale');
    expect(
      liveStatus({ ...none, lastSeenMs: ago(OFFLINE_AFTER_MS + 1), sharingSinceMs: ago(OFFLINE_AFTER_MS * 2) }, now),
    ).toBe('stale');
    expect(liveStatus({ ...none, lastSeenMs: ago(OFFLINE_AFTER_MS + 1) }, now)).toBe('offline');
    expect(liveStatus(none, now)).toBe('offline');
  });

  it('is sharing-ended after the driver stopped, until a newer position arrives', () => {
    expect(liveStatus({ ...none, lastSeenMs: ago(10_000), sharingEndedAsOfMs: ago(10_000) }, now)).toBe('sharing-ended');
    expect(liveStatus({ ...none, lastSeenMs: ago(1_000), sharingEndedAsOfMs: ago(10_000) }, now)).toBe('live');
    expect(liveStatus({ ...none, sharingEndedAsOfMs: Number.NEGATIVE_INFINITY }, now)).toBe('sharing-ended');
  });

  it('ends a live location when its live period ran out', () => {
    const facts = { ...none, lastSeenMs: ago(120_000), sharingSinceMs: ago(3_600_000), liveUntilMs: ago(1_000) };
    expect(liveStatus(facts, now)).toBe('sharing-ended');
    expect(liveStatus({ ...facts, liveUntilMs: now + 60_000 }, now)).toBe('stale');
    expect(liveStatus({ ...facts, lastSeenMs: ago(500) }, now)).toBe('live');
  });
});
