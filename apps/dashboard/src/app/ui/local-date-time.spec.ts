import { formatLocalDateTime, formatLocalDateTimeFull } from './local-date-time';

describe('formatLocalDateTime', () => {
  const iso = '2026-11-24T08:05:00.000Z';

  it('formats in the browser time zone, the way Intl does', () => {
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    expect(formatLocalDateTime(iso)).toBe(expected);
    expect(formatLocalDateTime(iso)).toContain('2026');
  });

  it('names the time zone in the long form', () => {
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
      .formatToParts(new Date(iso))
      .find((part) => part.type === 'timeZoneName')?.value;
    expect(formatLocalDateTimeFull(iso)).toContain(zone);
  });

  it.each([null, undefined, '', 'not a date'])('shows nothing for %p', (value) => {
    expect(formatLocalDateTime(value)).toBe('');
  });
});
