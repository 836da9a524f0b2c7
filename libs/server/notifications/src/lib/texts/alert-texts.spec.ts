import type { ConvoyEvent } from '@convoy/contracts';
import { ALERT_LANGUAGES, asMessage, renderAlert } from './alert-texts';

const driver = { id: 'd1', name: 'Aziz' };
const place = { id: 'p1', name: 'Depot North', kind: 'depot' as const };

describe('renderAlert', () => {
  it('phrases an arrival and a departure with the local time and the stay', () => {
    const arrived: ConvoyEvent = {
      id: 'e1',
      type: 'visit.arrived',
      occurredAt: '2026-12-01T07:31:00Z',
      driverId: 'd1',
      data: { driver, place, visitId: 'v', arrivedAt: '2026-12-01T07:31:00Z', position: { lat: 0, lon: 0 } },
    };
    expect(renderAlert(arrived, { timeZone: 'Europe/Berlin' })).toEqual({ title: 'Aziz arrived at Depot North', body: '08:31' });
    const departed: ConvoyEvent = {
      id: 'e2',
      type: 'visit.departed',
      occurredAt: '2026-12-01T07:55:00Z',
      driverId: 'd1',
      data: { driver, place, visitId: 'v', arrivedAt: '2026-12-01T07:31:00Z', departedAt: '2026-12-01T07:31:00Z', dwellSeconds: 24 * 60 },
    };
    expect(renderAlert(departed, { timeZone: 'Europe/Berlin' })).toEqual({ title: 'Aziz left Depot North', body: '08:31 · stayed 24 min' });
    expect(asMessage(renderAlert(departed, { timeZone: 'UTC' }))).toBe('Aziz left Depot North\n07:31 · stayed 24 min');
  });

  it('answers in the reader\'s language, English when there is no translation', () => {
    const quiet: ConvoyEvent = {
      id: 'e3',
      type: 'driver.went_quiet',
      occurredAt: '2026-12-01T09:00:00Z',
      driverId: 'd1',
      data: { driver, lastPositionAt: '2026-12-01T08:50:00Z', quietMinutes: 75 },
    };
    expect(renderAlert(quiet, { languageCode: 'de-AT', timeZone: 'UTC' }).title).toBe('Aziz meldet sich nicht');
    expect(renderAlert(quiet, { languageCode: 'de', timeZone: 'UTC' }).body).toBe('09:00 · seit 1 Std. 15 Min. keine Position · zuletzt 08:50');
    expect(renderAlert(quiet, { languageCode: 'ru', timeZone: 'UTC' }).title).toBe('Aziz не выходит на связь');
    expect(renderAlert(quiet, { languageCode: 'pt-BR', timeZone: 'UTC' }).title).toBe('Aziz went quiet');
    expect(ALERT_LANGUAGES).toEqual(['en', 'de', 'ru']);
  });

  it('has a text for every event type', () => {
    const ended: ConvoyEvent = {
      id: 'e4',
      type: 'driver.sharing_ended',
      occurredAt: '2026-12-01T09:00:00Z',
      driverId: 'd1',
      data: { driver, channel: 'telegram', reason: 'expired' },
    };
    expect(renderAlert(ended, { timeZone: 'UTC' })).toEqual({ title: 'Aziz stopped sharing', body: '09:00 · live location ran out' });
    const speeding: ConvoyEvent = {
      id: 'e5',
      type: 'driver.speeding',
      occurredAt: '2026-12-01T09:00:00Z',
      driverId: 'd1',
      data: { driver, speedKmh: 101.4, maxSpeedKmh: 117.8, thresholdKmh: 90, since: '2026-12-01T08:59:00Z', position: { lat: 0, lon: 0 } },
    };
    expect(renderAlert(speeding, { timeZone: 'UTC' })).toEqual({ title: 'Aziz is speeding: 101 km/h', body: '08:59 · max 118 km/h, limit 90 km/h' });
  });
});
