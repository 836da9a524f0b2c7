import { formatClock } from './clock';

describe('formatClock', () => {
  const winter = new Date('2026-11-24T17:30:00Z');
  const summer = new Date('2026-07-01T17:30:00Z');

  it('says UTC by default', () => {
    expect(formatClock(winter, 'UTC')).toBe('17:30 UTC');
  });

  it("uses the deployment's time zone, daylight saving included, and names it", () => {
    expect(formatClock(winter, 'Europe/Berlin')).toBe('18:30 CET');
    expect(formatClock(summer, 'Europe/Berlin')).toBe('19:30 CEST');
    expect(formatClock(winter, 'America/Chicago')).toMatch(/^11:30 (CST|GMT-6)$/);
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatClock(new Date('2026-11-24T23:05:00Z'), 'Europe/Berlin')).toBe('00:05 CET');
  });
});
