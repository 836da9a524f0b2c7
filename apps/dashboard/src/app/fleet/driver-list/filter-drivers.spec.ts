import { DEFAULT_LIVE_WITHIN_MS } from '@convoy/contracts';
import { fromDto } from '../../core/live/live-driver';
import { driverDto, positionAt } from '../../core/live/live-test-data';
import { filterDrivers } from './filter-drivers';

const now = Date.parse('2026-11-24T12:00:00Z');
const drivers = [
  fromDto(driverDto('1', { name: 'Jan Novák', lastPosition: positionAt('1', now - 10_000) }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
  fromDto(driverDto('2', { name: 'anna', lastPosition: positionAt('2', now - 5 * 60_000) }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
  fromDto(driverDto('3', { name: 'Zoë', lastPosition: positionAt('3', now - 1_000) }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
  fromDto(driverDto('4', { name: 'Bob (never seen)' }), undefined, now, DEFAULT_LIVE_WITHIN_MS),
];
const names = (list: Array<{ name: string }>) => list.map((d) => d.name);

describe('filterDrivers', () => {
  it('sorts by last seen, most recent first, never-seen last', () => {
    expect(names(filterDrivers(drivers, { search: '', statuses: new Set(), sort: 'last-seen' }))).toEqual([
      'Zoë',
      'Jan Novák',
      'anna',
      'Bob (never seen)',
    ]);
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
});
