import type { PositionHistoryDto } from '@convoy/contracts';
import { toCsv, toGeoJson, toGpx } from './position-export';

const history: PositionHistoryDto = {
  driverId: 'd1',
  from: '2026-11-24T00:00:00.000Z',
  to: '2026-11-24T23:59:59.999Z',
  total: 2,
  downsampled: false,
  positions: [
    { driverId: 'd1', latitude: 50.1, longitude: 14.4, accuracy: 8, heading: null, speed: 3.5, recordedAt: '2026-11-24T08:00:00.000Z', source: 'telegram-live' },
    { driverId: 'd1', latitude: 50.2, longitude: 14.5, accuracy: null, heading: 90, speed: null, recordedAt: '2026-11-24T08:01:00.000Z', source: 'telegram-checkin' },
  ],
};

describe('position export', () => {
  it('writes CSV with a header and one row per position', () => {
    const lines = toCsv(history).body.trim().split('\n');
    expect(lines[0]).toBe('recorded_at,latitude,longitude,accuracy_m,speed_mps,heading_deg,source');
    expect(lines[1]).toBe('2026-11-24T08:00:00.000Z,50.1,14.4,8,3.5,,telegram-live');
    expect(lines).toHaveLength(3);
  });

  it('writes a GPX 1.1 track whose name is escaped', () => {
    const gpx = toGpx(history, 'Jan & <Truck 7>').body;
    expect(gpx).toContain('<gpx version="1.1" creator="Convoy" xmlns="http://www.topografix.com/GPX/1/1"');
    expect(gpx).toContain('<name>Jan &amp; &lt;Truck 7&gt;</name>');
    expect(gpx.match(/<trkpt lat="50.1" lon="14.4">/g)).toHaveLength(1);
    expect(gpx).toContain('<time>2026-11-24T08:01:00.000Z</time>');
  });

  it('writes GeoJSON with [lon, lat] order: a LineString and one Point per position', () => {
    const geo = JSON.parse(toGeoJson(history, 'Jan').body);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features[0].geometry).toEqual({ type: 'LineString', coordinates: [[14.4, 50.1], [14.5, 50.2]] });
    expect(geo.features).toHaveLength(3);
    expect(geo.features[2].properties).toMatchObject({ heading: 90, source: 'telegram-checkin' });
  });
});
