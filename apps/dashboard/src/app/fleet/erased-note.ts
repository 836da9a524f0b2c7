import type { DriverDto } from '@convoy/contracts';
import { formatDateTime } from './format';

/**
 * What an erased driver's entry says instead of status and position: who erased the data, and when
 * ("Left and erased their data · 1 Dec, 10:04"). null for a driver who was not erased.
 */
export function erasedNote(driver: Pick<DriverDto, 'erasedAt' | 'erasedBy'>): string | null {
  if (!driver.erasedAt) return null;
  const who = driver.erasedBy === 'dispatcher' ? 'Data erased by a dispatcher' : 'Left and erased their data';
  return `${who} · ${formatDateTime(Date.parse(driver.erasedAt))}`;
}
