import type { LiveDriver } from '../../core/live/live-driver';
import type { DriverChannel } from '@convoy/contracts';
import { STATUS_STYLE } from '../../map/status-style';
import { erasedNote } from '../erased-note';
import { formatAgo, formatSpeed } from '../format';

/** The row shows the speed of a moving live driver only (a stale speed would mislead). */
export function rowSpeed(driver: LiveDriver): string | null {
  return driver.status === 'live' && driver.lastPosition?.speed ? formatSpeed(driver.lastPosition.speed) : null;
}

const VIA: Readonly<Record<DriverChannel, string>> = {
  telegram: 'via Telegram',
  browser: 'via browser',
  app: 'via GPS app',
};

/**
 * What a driver's row says, as one sentence for screen readers: the row's pieces (name, badge,
 * status, time, speed) would otherwise run together as "Demo 04 DemoLive · … 36".
 * "Demo 04, demo driver, live, seen 1 min ago, 36 km/h"; "Jan, via browser, offline, no position yet";
 * "Erased driver, left and erased their data on 1 Dec, 10:04".
 */
export function driverRowLabel(driver: LiveDriver, nowMs: number): string {
  const erased = erasedNote(driver);
  if (erased) return `${driver.name}, ${erased.replace(' · ', ' on ').replace(/^./, (c) => c.toLowerCase())}`;
  const parts = [driver.name];
  if (driver.demo) parts.push('demo driver');
  if (driver.channel) parts.push(VIA[driver.channel]);
  parts.push(STATUS_STYLE[driver.status].label.toLowerCase());
  parts.push(driver.lastPosition ? `seen ${formatAgo(driver.lastSeenMs, nowMs)}` : 'no position yet');
  const speed = rowSpeed(driver);
  if (speed) parts.push(speed);
  return parts.join(', ');
}
