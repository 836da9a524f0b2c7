import { lastClosedDays } from './summary-preparation.job';

const days = (now: string, tz: string, count = 2) => lastClosedDays(Date.parse(now), tz, count).map((d) => d.day);

describe('lastClosedDays', () => {
  it('gives yesterday and the day before in the zone, as whole-day ranges', () => {
    expect(days('2026-12-01T12:00:00Z', 'Europe/Berlin')).toEqual(['2026-11-30', '2026-11-29']);
    const [yesterday] = lastClosedDays(Date.parse('2026-12-01T12:00:00Z'), 'Europe/Berlin', 1);
    expect(yesterday.range).toEqual({ from: Date.parse('2026-11-29T23:00:00Z'), to: Date.parse('2026-11-30T23:00:00Z'), tz: 'Europe/Berlin', wholeDays: true });
  });

  it('leaves yesterday out until it has been closed for the late-point margin, and reaches one day further back', () => {
    // 00:03 in Berlin: yesterday ended 3 minutes ago, a late point may still land in it
    expect(days('2026-11-30T23:03:00Z', 'Europe/Berlin')).toEqual(['2026-11-29', '2026-11-28']);
    expect(days('2026-11-30T23:07:00Z', 'Europe/Berlin')).toEqual(['2026-11-30', '2026-11-29']);
  });

  it('cuts days where the zone does (Chicago, across the end of DST), none when off', () => {
    expect(days('2026-11-02T12:00:00Z', 'America/Chicago')).toEqual(['2026-11-01', '2026-10-31']);
    const [sunday] = lastClosedDays(Date.parse('2026-11-02T12:00:00Z'), 'America/Chicago', 1);
    expect(sunday.range.to - sunday.range.from).toBe(25 * 3_600_000); // the day clocks went back
    expect(days('2026-12-01T12:00:00Z', 'UTC', 0)).toEqual([]);
  });
});
