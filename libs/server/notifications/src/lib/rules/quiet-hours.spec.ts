import { inQuietHours, isTimeZone } from './quiet-hours';

describe('inQuietHours', () => {
  const night = { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' };

  it('spans midnight when the end is earlier than the start', () => {
    // Berlin is UTC+1 in December
    expect(inQuietHours(night, new Date('2026-12-01T21:00:00Z'))).toBe(true); // 22:00 local: start included
    expect(inQuietHours(night, new Date('2026-12-01T23:30:00Z'))).toBe(true); // 00:30 local
    expect(inQuietHours(night, new Date('2026-12-02T05:59:00Z'))).toBe(true); // 06:59 local
    expect(inQuietHours(night, new Date('2026-12-02T06:00:00Z'))).toBe(false); // 07:00 local: end excluded
    expect(inQuietHours(night, new Date('2026-12-01T20:59:00Z'))).toBe(false); // 21:59 local
  });

  it('covers a daytime span and follows the zone, including daylight saving time', () => {
    const lunch = { start: '12:00', end: '13:00', timeZone: 'Europe/Berlin' };
    expect(inQuietHours(lunch, new Date('2026-07-01T10:30:00Z'))).toBe(true); // 12:30 CEST
    expect(inQuietHours(lunch, new Date('2026-12-01T10:30:00Z'))).toBe(false); // 11:30 CET
    expect(inQuietHours(lunch, new Date('2026-12-01T11:30:00Z'))).toBe(true); // 12:30 CET
  });

  it('treats no quiet hours and equal times as never quiet', () => {
    expect(inQuietHours(null, new Date())).toBe(false);
    expect(inQuietHours({ start: '08:00', end: '08:00', timeZone: 'UTC' }, new Date('2026-12-01T08:00:00Z'))).toBe(false);
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Asia/Tashkent')).toBe(true);
    expect(isTimeZone('Berlin')).toBe(false);
  });
});
