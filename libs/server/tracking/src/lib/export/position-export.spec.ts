import { type ExportPoint, type ExportSource, GEOJSON_EXPORT, GPX_EXPORT } from './position-export';

const points: ExportPoint[] = [
  { latitude: 50.1, longitude: 14.4, accuracy: 8, heading: null, speed: 3.5, recorded_at: new Date('2026-11-24T08:00:00.000Z'), source: 'telegram-live' },
  { latitude: 50.2, longitude: 14.5, accuracy: null, heading: 90, speed: null, recorded_at: new Date('2026-11-24T08:01:00.000Z'), source: 'telegram-checkin' },
];

function sourceOf(list: ExportPoint[], driverName = 'Jan'): ExportSource {
  return {
    driverId: 'd1',
    driverName,
    from: new Date('2026-11-24T00:00:00.000Z'),
    to: new Date('2026-11-24T23:59:59.999Z'),
    total: list.length,
    points: async function* () {
      yield* list;
    },
  };
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('position export', () => {
  it('writes a GPX 1.1 track whose name is escaped', async () => {
    const gpx = await text(GPX_EXPORT.render(sourceOf(points, 'Jan & <Truck 7>')));
    expect(gpx).toContain('<gpx version="1.1" creator="Convoy" xmlns="http://www.topografix.com/GPX/1/1"');
    expect(gpx).toContain('<name>Jan &amp; &lt;Truck 7&gt;</name>');
    expect(gpx.match(/<trkpt lat="50.1" lon="14.4">/g)).toHaveLength(1);
    expect(gpx).toContain('<time>2026-11-24T08:01:00.000Z</time>');
    expect(gpx.trim().endsWith('</gpx>')).toBe(true);
  });

  it('writes GeoJSON with [lon, lat] order: a LineString and one Point per position', async () => {
    const geo = JSON.parse(await text(GEOJSON_EXPORT.render(sourceOf(points))));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features[0].geometry).toEqual({ type: 'LineString', coordinates: [[14.4, 50.1], [14.5, 50.2]] });
    expect(geo.features).toHaveLength(3);
    expect(geo.features[2].properties).toMatchObject({ heading: 90, source: 'telegram-checkin' });
  });

  it('keeps GeoJSON valid (RFC 7946) for one point and for none: no LineString of fewer than two positions', async () => {
    const one = JSON.parse(await text(GEOJSON_EXPORT.render(sourceOf(points.slice(0, 1)))));
    expect(one.features).toEqual([expect.objectContaining({ geometry: { type: 'Point', coordinates: [14.4, 50.1] } })]);
    const none = JSON.parse(await text(GEOJSON_EXPORT.render(sourceOf([]))));
    expect(none).toMatchObject({ type: 'FeatureCollection', features: [] });
  });
});
