import { dateTimeFormat } from '@convoy/server/config';
/**
 * A time in a bot reply: 24-hour, in the deployment's TIME_ZONE, with the zone's short name so it is
 * unambiguous wherever the driver is ("18:30 CET", "09:05 UTC", "07:15 GMT-5").
 */
export function formatClock(date: Date, timeZone: string): string {
  const parts = dateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}
