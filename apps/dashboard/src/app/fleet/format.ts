import type { TelegramIdentityDto } from '@convoy/contracts';

/** "just now", "25 s ago", "3 min ago", "2 h ago", "4 d ago"; "never" without a time. */
export function formatAgo(thenMs: number | null, nowMs: number): string {
  if (thenMs === null) return 'never';
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** m/s → "42 km/h". */
export function formatSpeed(metresPerSecond: number | null | undefined): string {
  if (metresPerSecond === null || metresPerSecond === undefined) return '—';
  return `${Math.round(metresPerSecond * 3.6)} km/h`;
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;

/** Degrees → "45° NE". */
export function formatHeading(degrees: number | null | undefined): string {
  if (degrees === null || degrees === undefined) return '—';
  const normalised = ((degrees % 360) + 360) % 360;
  return `${Math.round(normalised)}° ${COMPASS[Math.round(normalised / 45) % 8]}`;
}

/** Metres → "± 15 m". */
export function formatAccuracy(metres: number | null | undefined): string {
  if (metres === null || metres === undefined) return '—';
  return `± ${Math.round(metres)} m`;
}

/** Metres → "850 m" / "12.4 km". */
export function formatDistance(metres: number): string {
  return metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(metres < 100_000 ? 1 : 0)} km`;
}

export function formatCoordinates(latitude: number, longitude: number): string {
  return `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`;
}

// The browser's locale and time zone: a dispatcher reads times on their own clock.
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function formatDateTime(ms: number): string {
  return DATE_TIME.format(ms);
}

export function formatTime(ms: number): string {
  return TIME.format(ms);
}

/** "@jan_driver", else "Jan Novák", else null when the driver has no Telegram account bound. */
export function telegramHandle(telegram: TelegramIdentityDto | null): string | null {
  if (!telegram) return null;
  if (telegram.username) return `@${telegram.username}`;
  const name = [telegram.firstName, telegram.lastName].filter(Boolean).join(' ');
  return name || `user ${telegram.userId}`;
}
