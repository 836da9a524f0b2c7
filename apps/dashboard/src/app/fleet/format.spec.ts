import { formatAccuracy, formatAgo, formatDistance, formatHeading, formatSpeed, telegramHandle } from './format';

describe('formatting for people', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');

  it('says how long ago, coarser as time goes by', () => {
    expect(formatAgo(null, now)).toBe('never');
    expect(formatAgo(now - 4_000, now)).toBe('just now');
    expect(formatAgo(now - 25_000, now)).toBe('25 s ago');
    expect(formatAgo(now - 3 * 60_000 - 20_000, now)).toBe('3 min ago');
    expect(formatAgo(now - 2 * 3_600_000, now)).toBe('2 h ago');
    expect(formatAgo(now - 4 * 86_400_000, now)).toBe('4 d ago');
    expect(formatAgo(now + 5_000, now)).toBe('just now'); // a clock slightly ahead
  });

  it('shows speed in km/h, heading as a compass point, accuracy and distance', () => {
    expect(formatSpeed(12.5)).toBe('45 km/h');
    expect(formatSpeed(null)).toBe('—');
    expect(formatHeading(45)).toBe('45° NE');
    expect(formatHeading(360)).toBe('0° N');
    expect(formatHeading(200)).toBe('200° S');
    expect(formatAccuracy(14.6)).toBe('± 15 m');
    expect(formatDistance(850)).toBe('850 m');
    expect(formatDistance(12_430)).toBe('12.4 km');
  });

  it('names the Telegram account', () => {
    const base = { userId: 7, username: null, firstName: null, lastName: null, languageCode: null };
    expect(telegramHandle(null)).toBeNull();
    expect(telegramHandle({ ...base, username: 'jan_driver' })).toBe('@jan_driver');
    expect(telegramHandle({ ...base, firstName: 'Jan', lastName: 'Novák' })).toBe('Jan Novák');
    expect(telegramHandle(base)).toBe('user 7');
  });
});
