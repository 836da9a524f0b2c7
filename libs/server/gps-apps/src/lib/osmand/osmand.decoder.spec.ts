import { decodeOsmAnd, timestamp } from './osmand.decoder';

const now = new Date('2026-12-01T10:00:00Z');
const KEY = 'cvd_key';

describe('decodeOsmAnd', () => {
  it("reads Traccar Client's query form (Unix seconds, speed in knots, batt)", () => {
    // as Traccar Client 8 (Android) sends it
    const query = { id: KEY, timestamp: '1764583200', lat: '52.520008', lon: '13.404954', speed: '10.0', bearing: '87.5', altitude: '38.0', accuracy: '4.7', batt: '76.0' };
    expect(decodeOsmAnd(query, undefined, now)).toEqual({
      deviceKey: KEY,
      points: [
        { latitude: 52.520008, longitude: 13.404954, recordedAt: new Date(1764583200_000), speed: 5.14, heading: 87.5, altitude: 38, accuracy: 4.7, battery: 76 },
      ],
    });
  });

  it('reads Unix milliseconds, ISO dates, location=lat,lon and deviceid', () => {
    expect(decodeOsmAnd({ deviceid: KEY, timestamp: '1764583200123', location: '52.5,13.4' }, undefined, now)?.points[0]).toMatchObject({
      latitude: 52.5,
      longitude: 13.4,
      recordedAt: new Date(1764583200123),
    });
    expect(decodeOsmAnd({ id: KEY, timestamp: '2026-12-01T09:59:00Z', lat: '1', lon: '2' }, undefined, now)?.points[0].recordedAt).toEqual(
      new Date('2026-12-01T09:59:00Z'),
    );
    expect(timestamp('2026-12-01 09:59:00')).toEqual(new Date('2026-12-01T09:59:00Z'));
  });

  it('takes now for an OsmAnd request without timestamp, hdop when there is no accuracy, and form fields', () => {
    const point = decodeOsmAnd({}, { id: KEY, lat: '52.5', lon: '13.4', hdop: '1.2', speed: '-1', bearing: '-1' }, now)?.points[0];
    expect(point).toMatchObject({ recordedAt: now, accuracy: 6, speed: null, heading: null });
  });

  it("reads Traccar Client's JSON body (speed m/s, -1 unknown, battery 0–1)", () => {
    const body = {
      location: {
        timestamp: '2026-12-01T09:58:00.000Z',
        coords: { latitude: 52.52, longitude: 13.405, accuracy: 5, speed: 12.5, heading: -1, altitude: 40 },
        is_moving: true,
        odometer: 1234,
        event: 'motionchange',
        battery: { level: 0.64, is_charging: false },
        activity: { type: 'in_vehicle' },
      },
      device_id: KEY,
    };
    expect(decodeOsmAnd({}, body, now)).toEqual({
      deviceKey: KEY,
      points: [{ latitude: 52.52, longitude: 13.405, recordedAt: new Date('2026-12-01T09:58:00Z'), speed: 12.5, heading: null, altitude: 40, accuracy: 5, battery: 64 }],
    });
  });

  it('gives null without a position', () => {
    expect(decodeOsmAnd({ id: KEY }, undefined, now)).toBeNull();
    expect(decodeOsmAnd({ id: KEY, lat: 'x', lon: '2' }, undefined, now)).toBeNull();
    expect(decodeOsmAnd({ id: KEY, lat: '1', lon: '2', timestamp: 'soon' }, undefined, now)).toBeNull();
  });
});
