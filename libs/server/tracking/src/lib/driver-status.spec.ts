import { driverStatus, OFFLINE_AFTER_MS } from './driver-status';

const now = new Date('2026-11-24T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const none = { lastRecordedAt: null, sharingSince: null, sharingEndedAt: null, liveUntil: null };
const interval = 30_000;

describe('driverStatus', () => {
  it('is live with a position within twice the expected interval', () => {
    expect(driverStatus({ ...none, lastRecordedAt: ago(59_000) }, now, interval)).toBe('live');
  });

  it('is stale when quiet but still sharing, and offline when quiet for long without sharing', () => {
    expect(driverStatus({ ...none, lastRecordedAt: ago(61_000) }, now, interval)).toBe('stale');
    expect(driverStatus({ ...none, lastRecordedAt: ago(OFFLINE_AFTER_MS + 1), sharingSince: ago(OFFLINE_AFTER_MS * 2) }, now, interval)).toBe('stale');
    expect(driverStatus({ ...none, lastRecordedAt: ago(OFFLINE_AFTER_MS + 1) }, now, interval)).toBe('offline');
    expect(driverStatus(none, now, interval)).toBe('offline');
  });

  it('is sharing-ended after the driver stopped, until a newer position arrives', () => {
    expect(driverStatus({ ...none, lastRecordedAt: ago(10_000), sharingEndedAt: ago(5_000) }, now, interval)).toBe('sharing-ended');
    expect(driverStatus({ ...none, lastRecordedAt: ago(1_000), sharingEndedAt: ago(5_000) }, now, interval)).toBe('live');
  });

  it('ends a live location on the server clock when its live period ran out', () => {
    const facts = { ...none, lastRecordedAt: ago(120_000), sharingSince: ago(3_600_000), liveUntil: ago(1_000) };
    expect(driverStatus(facts, now, interval)).toBe('sharing-ended');
    expect(driverStatus({ ...facts, liveUntil: new Date(now.getTime() + 60_000) }, now, interval)).toBe('stale');
    // a check-in after the expiry is news again
    expect(driverStatus({ ...facts, lastRecordedAt: ago(500) }, now, interval)).toBe('live');
  });
});
