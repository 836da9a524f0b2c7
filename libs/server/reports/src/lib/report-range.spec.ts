import { localDateTime, resolveRange, startOfDay } from './report-range';

describe('report ranges', () => {
  it('cuts calendar days in the report time zone, DST included', () => {
    expect(new Date(startOfDay('2026-12-01', 'Europe/Berlin')).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(new Date(startOfDay('2026-07-01', 'Europe/Berlin')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(new Date(startOfDay('2026-03-29', 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z'); // the day clocks go forward
    expect(new Date(startOfDay('2026-12-01', 'America/Chicago')).toISOString()).toBe('2026-12-01T06:00:00.000Z');
  });

  it('a day range covers the whole last day; unset means today', () => {
    expect(resolveRange('2026-12-01', '2026-12-01', 'UTC')).toEqual({
      from: Date.parse('2026-12-01T00:00:00Z'),
      to: Date.parse('2026-12-02T00:00:00Z'),
      tz: 'UTC',
      wholeDays: true,
    });
    expect(resolveRange('2026-12-01', '2026-12-01T12:00:00Z', 'UTC')).toMatchObject({ wholeDays: false });
    expect(resolveRange(undefined, undefined, 'UTC')).toMatchObject({ wholeDays: false });
    const now = Date.parse('2026-12-01T23:30:00Z'); // already 2 December in Berlin
    expect(resolveRange(undefined, undefined, 'Europe/Berlin', now)).toMatchObject({ from: Date.parse('2026-12-01T23:00:00Z') });
  });

  it('refuses backwards, unreadable and over-long ranges', () => {
    expect(resolveRange('2026-12-02', '2026-12-01T00:00:00Z', 'UTC')).toBe('to must be after from');
    expect(resolveRange('yesterday', undefined, 'UTC')).toMatch(/^from must be/);
    expect(resolveRange('2026-01-01', '2026-03-01', 'UTC')).toMatch(/31 days/);
  });

  it('writes local times with their offset', () => {
    expect(localDateTime(Date.parse('2026-12-01T07:31:00Z'), 'Europe/Berlin')).toBe('2026-12-01T08:31:00+01:00');
    expect(localDateTime(Date.parse('2026-12-01T07:31:00Z'), 'America/St_Johns')).toBe('2026-12-01T04:01:00-03:30');
  });
});
