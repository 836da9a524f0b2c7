import type { StopDto, TripDto } from '@convoy/contracts';
import { formatDistance, formatDuration, timeline } from './report-timeline';

const trip = (startAt: string, endAt: string): TripDto => ({
  driverId: 'd',
  startAt,
  endAt,
  durationS: 0,
  distanceM: 0,
  avgSpeedKmh: 0,
  maxSpeedKmh: 0,
  start: { lat: 0, lon: 0 },
  end: { lat: 0, lon: 0 },
});
const stop = (startAt: string, endAt: string): StopDto => ({ driverId: 'd', startAt, endAt, durationS: 0, lat: 0, lon: 0 });

describe('report timeline', () => {
  it('alternates stops and trips in time order', () => {
    const entries = timeline(
      [trip('2026-12-01T08:10:00Z', '2026-12-01T08:30:00Z'), trip('2026-12-01T09:00:00Z', '2026-12-01T09:20:00Z')],
      [stop('2026-12-01T08:30:00Z', '2026-12-01T09:00:00Z'), stop('2026-12-01T07:00:00Z', '2026-12-01T08:10:00Z')],
    );
    expect(entries.map((e) => e.kind)).toEqual(['stop', 'trip', 'stop', 'trip']);
  });

  it('formats durations and distances for people', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(24 * 60)).toBe('24 min');
    expect(formatDuration(65 * 60)).toBe('1 h 05 min');
    expect(formatDistance(850)).toBe('850 m');
    expect(formatDistance(12_420)).toBe('12.4 km');
  });
});
