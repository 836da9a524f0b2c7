import type { PositionRow } from '@convoy/server/tracking';
import { driverBatches } from './driver-activity.participant';

const T0 = Date.parse('2026-12-01T10:00:00Z');

function row(driverId: string, s: number, speedMs: number | null): PositionRow {
  return {
    driverId,
    latitude: 52.5,
    longitude: 13.4,
    accuracy: null,
    heading: null,
    speed: speedMs,
    battery: null,
    altitude: null,
    recordedAt: new Date(T0 + s * 1000),
    source: 'telegram-live',
    telegramUpdateId: null,
    telegramUserId: null,
    persist: true,
    receivedAt: 0,
  };
}

describe('DriverActivityParticipant: what a batch sends to its one statement', () => {
  it('one entry per driver with its earliest point (driver.back is about the first point after the silence)', () => {
    const batches = driverBatches([row('a', 20, 1), row('b', 5, 1), row('a', 10, 1)], 100);
    expect(batches.map((b) => [b.driverId, b.first.recordedAt.getTime() - T0])).toEqual([
      ['a', 10_000],
      ['b', 5_000],
    ]);
  });

  it('compares in km/h: 30 m/s is 108 km/h, over a 100 km/h threshold', () => {
    const [batch] = driverBatches([row('a', 0, 30), row('a', 10, 27)], 100);
    expect(batch.segments.head.map((p) => Math.round(p.speedKmh))).toEqual([108]);
    expect(batch.segments.broke).toBe(true); // 27 m/s = 97.2 km/h
  });

  it('leaves speeding out when SPEEDING_KMH is 0', () => {
    const [batch] = driverBatches([row('a', 0, 80), row('a', 40, 80)], 0);
    expect(batch.segments).toEqual({ head: [], broke: false, tail: null, reports: [] });
  });
});
