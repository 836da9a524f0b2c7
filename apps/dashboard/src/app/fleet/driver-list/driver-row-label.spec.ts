import { DEFAULT_LIVE_WITHIN_MS } from '@convoy/contracts';
import { fromDto } from '../../core/live/live-driver';
import { driverDto, positionAt } from '../../core/live/live-test-data';
import { driverRowLabel } from './driver-row-label';

const now = Date.parse('2026-11-24T12:00:00Z');
const driver = (overrides: Parameters<typeof driverDto>[1]) => fromDto(driverDto('d1', overrides), undefined, now, DEFAULT_LIVE_WITHIN_MS);

describe('driverRowLabel', () => {
  it('reads a live demo driver as one sentence, with separators and units', () => {
    const demo = driver({ name: 'Demo 04', demo: true, lastPosition: { ...positionAt('d1', now - 60_000), speed: 10 } });
    expect(driverRowLabel(demo, now)).toBe('Demo 04, demo driver, live, seen 1 min ago, 36 km/h');
  });

  it('leaves out what the row does not show: no badge for real drivers, no speed unless live and moving', () => {
    const parked = driver({ name: 'Jan Novák', lastPosition: { ...positionAt('d1', now - 5_000), speed: 0 } });
    expect(driverRowLabel(parked, now)).toBe('Jan Novák, live, seen just now');
    const quiet = driver({ name: 'Eva', lastPosition: { ...positionAt('d1', now - 5 * 60_000), speed: 20 } });
    expect(driverRowLabel(quiet, now)).toBe('Eva, stale, seen 5 min ago');
  });

  it('says when a driver has no position yet, and names multi-word statuses as words', () => {
    expect(driverRowLabel(driver({ name: 'Mira' }), now)).toBe('Mira, offline, no position yet');
    const ended = driver({ name: 'Ota', lastPosition: positionAt('d1', now - 2 * 60_000), sharingEndedAt: new Date(now - 60_000).toISOString() });
    expect(driverRowLabel(ended, now)).toBe('Ota, sharing ended, seen 2 min ago');
  });

  it('reads an erased driver as the entry it is: who erased the data, and when', () => {
    const left = driver({ name: 'Erased driver', erasedAt: '2026-11-24T10:04:00.000Z', erasedBy: 'driver' });
    expect(driverRowLabel(left, now)).toMatch(/^Erased driver, left and erased their data on .+$/);
    const byDispatcher = driver({ name: 'Erased driver', erasedAt: '2026-11-24T10:04:00.000Z', erasedBy: 'dispatcher' });
    expect(driverRowLabel(byDispatcher, now)).toMatch(/^Erased driver, data erased by a dispatcher on /);
  });

  it('names how the driver is connected, when they are', () => {
    const viaBrowser = driver({ name: 'Jan', channel: 'browser', lastPosition: positionAt('d1', now - 5_000) });
    expect(driverRowLabel(viaBrowser, now)).toBe('Jan, via browser, live, seen just now, 43 km/h');
    expect(driverRowLabel(driver({ name: 'Eva', channel: 'app' }), now)).toBe('Eva, via GPS app, offline, no position yet');
    expect(driverRowLabel(driver({ name: 'Ota', channel: 'telegram' }), now)).toBe('Ota, via Telegram, offline, no position yet');
  });
});
