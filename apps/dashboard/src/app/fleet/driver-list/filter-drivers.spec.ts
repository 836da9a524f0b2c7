import { DEFAULT_LIVE_WITHIN_MS } from '@convoy/contracts';
import { fromDto, type LiveDriver, withPosition } from '../../core/live/live-driver';
import { driverDto, positionAt } from '../../core/live/live-test-data';
import { currentPlaces, filterDrivers } from './filter-drivers';

const now = Date.parse('2026-11-24T12:00:00Z');
const drivers = [
  fromDto(driverDto('1', { name: 'Jan Novák', lastPosition: positionAt('1', now - 10_000) }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
  fromDto(driverDto('2', { name: 'anna', lastPosition: positionAt('2', now - 5 * 60_000) }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
  fromDto(driverDto('3', { name: 'Zoë', lastPosition: positionAt('3', now - 1_000) }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
  fromDto(driverDto('4', { name: 'Bob (never seen)' }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
];
const names = (list: Array<{ name: string }>) => list.map((d) => d.name);

describe('filterDrivers', () => {
  it('sorts by last seen: live drivers first (by name), then the others newest first, never-seen last', () => {
    expect(names(filterDrivers(drivers, { search: '', statuses: new Set(), sort: 'last-seen' }))).toEqual([
      'Jan Novák',
      'Zoë',
      'anna',
      'Bob (never seen)',
    ]);
  });

  describe('sorted by last seen, the order stays put as positions arrive', () => {
    const at = (id: string, name: string, ms: number) =>
      fromDto(driverDto(id, { name, lastPosition: positionAt(id, ms) }), undefined, now, DEFAULT_LIVE_WITHIN_MS);
    const lastSeen = (list: LiveDriver[]) => names(filterDrivers(list, { search: '', statuses: new Set(), sort: 'last-seen' }));
    const moved = (driver: LiveDriver, ms: number) => withPosition(driver, positionAt(driver.id, ms), ms, DEFAULT_LIVE_WITHIN_MS) as LiveDriver;

    it('a live driver reporting again keeps their row', () => {
      const fleet = [at('a', 'Demo 01', now - 20_000), at('b', 'Demo 02', now - 10_000), at('c', 'Demo 03', now - 1_000)];
      expect(lastSeen(fleet)).toEqual(['Demo 01', 'Demo 02', 'Demo 03']);
      // each of them reports in turn, newest last: the rows do not move
      for (const [index, driver] of fleet.entries()) {
        fleet[index] = moved(driver, now + 1_000 * (index + 1));
        expect(lastSeen(fleet)).toEqual(['Demo 01', 'Demo 02', 'Demo 03']);
      }
    });

    it('quiet drivers are ordered by the minute they were last seen, then by name', () => {
      const minute = Math.floor(now / 60_000) * 60_000;
      const fleet = [
        at('a', 'Ada', minute - 5 * 60_000 + 50_000), // 4:10 ago
        at('b', 'Bea', minute - 5 * 60_000 + 1_000), // 4:59 ago, same minute as Ada
        at('c', 'Cyd', minute - 3 * 60_000 + 30_000), // 2:30 ago
        at('d', 'Dan', minute - 20 * 60_000), // 20 min ago
      ];
      expect(fleet.map((d) => d.status)).toEqual(['stale', 'stale', 'stale', 'stale']);
      expect(lastSeen(fleet)).toEqual(['Cyd', 'Ada', 'Bea', 'Dan']);
    });

    it('a driver moves when their bucket changes: a quiet driver reporting again goes up to the live ones', () => {
      const fleet = [at('a', 'Zed', now - 5 * 60_000), at('b', 'Max', now - 2_000), at('c', 'Ann', now - 8 * 60_000)];
      expect(lastSeen(fleet)).toEqual(['Max', 'Zed', 'Ann']);
      fleet[2] = moved(fleet[2], now + 1_000);
      expect(lastSeen(fleet)).toEqual(['Ann', 'Max', 'Zed']);
    });
  });

  it('sorts by name, ignoring case', () => {
    expect(names(filterDrivers(drivers, { search: '', statuses: new Set(), sort: 'name' }))).toEqual([
      'anna',
      'Bob (never seen)',
      'Jan Novák',
      'Zoë',
    ]);
  });

  it('searches names without caring about case or accents', () => {
    expect(names(filterDrivers(drivers, { search: 'NOVAK', statuses: new Set(), sort: 'name' }))).toEqual(['Jan Novák']);
    expect(names(filterDrivers(drivers, { search: 'zoe', statuses: new Set(), sort: 'name' }))).toEqual(['Zoë']);
  });

  it('filters by status', () => {
    expect(names(filterDrivers(drivers, { search: '', statuses: new Set(['live']), sort: 'name' }))).toEqual([
      'Jan Novák',
      'Zoë',
    ]);
    expect(names(filterDrivers(drivers, { search: '', statuses: new Set(['stale', 'offline']), sort: 'name' }))).toEqual([
      'anna',
      'Bob (never seen)',
    ]);
  });

  it('filters by the place drivers are at now, and offers the places someone is at', () => {
    const depot = { id: 'p-depot', name: 'Depot North', since: '2026-11-24T08:31:00Z' };
    const at = [
      fromDto(driverDto('5', { name: 'Aziz', currentPlace: depot }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
      fromDto(driverDto('6', { name: 'Eva', currentPlace: { ...depot, since: '2026-11-24T09:00:00Z' } }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
      fromDto(driverDto('7', { name: 'Kim', currentPlace: { id: 'p-a', name: 'Customer Müller', since: '2026-11-24T10:00:00Z' } }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
      ...drivers,
    ];
    expect(names(filterDrivers(at, { search: '', statuses: new Set(), placeId: 'p-depot', sort: 'name' }))).toEqual(['Aziz', 'Eva']);
    expect(currentPlaces(at)).toEqual([
      { id: 'p-a', name: 'Customer Müller', count: 1 },
      { id: 'p-depot', name: 'Depot North', count: 2 },
    ]);
  });
});
