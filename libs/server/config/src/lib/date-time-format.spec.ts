import { dateTimeFormat } from './date-time-format';

describe('dateTimeFormat', () => {
  it('formats like a fresh Intl.DateTimeFormat and hands out one instance per locale and options', () => {
    const options = { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    const at = new Date('2026-12-01T07:31:00Z');
    expect(dateTimeFormat('en-GB', options).format(at)).toBe(new Intl.DateTimeFormat('en-GB', options).format(at));
    expect(dateTimeFormat('en-GB', { ...options })).toBe(dateTimeFormat('en-GB', options));
    expect(dateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(at)).toBe('07:31');
  });

  it('refuses an unknown zone every time (nothing cached for it)', () => {
    expect(() => dateTimeFormat('en-GB', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en-GB', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
