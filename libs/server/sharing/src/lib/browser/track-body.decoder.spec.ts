import { decodeTrackBody } from './track-body.decoder';

describe('decodeTrackBody', () => {
  it('reads one point or an array, in the units the API documents', () => {
    const point = { lat: 52.52, lon: 13.405, accuracy: 8, heading: 270, speed: 13.9, altitude: 34, battery: 81, recordedAt: '2026-12-01T10:00:00Z' };
    expect(decodeTrackBody(point)).toEqual([
      { latitude: 52.52, longitude: 13.405, accuracy: 8, heading: 270, speed: 13.9, altitude: 34, battery: 81, recordedAt: new Date('2026-12-01T10:00:00Z') },
    ]);
    expect(decodeTrackBody([point, { ...point, recordedAt: '2026-12-01T10:00:01Z', extra: true }])).toHaveLength(2);
  });

  it('turns "unknown" (-1, or a browser null) into null', () => {
    const [point] = decodeTrackBody({ lat: 1, lon: 2, heading: -1, speed: null, recordedAt: '2026-12-01T10:00:00Z' }) ?? [];
    expect(point).toMatchObject({ heading: null, speed: null, accuracy: null, battery: null });
  });

  it('refuses what is not a point', () => {
    expect(decodeTrackBody(null)).toBeNull();
    expect(decodeTrackBody([])).toBeNull();
    expect(decodeTrackBody({ lat: '52', lon: 13, recordedAt: '2026-12-01T10:00:00Z' })).toBeNull();
    expect(decodeTrackBody({ lat: 52, lon: 13, recordedAt: 'yesterday' })).toBeNull();
    expect(decodeTrackBody({ lat: 52, lon: 13 })).toBeNull();
  });
});
