import { basicPassword } from './owntracks.route';
import { decodeOwnTracks } from './owntracks.decoder';

describe('decodeOwnTracks', () => {
  it('reads a location message (vel km/h → m/s)', () => {
    const message = { _type: 'location', tid: 'jn', lat: 52.52, lon: 13.405, tst: 1764583200, acc: 12, vel: 36, cog: 180, alt: 35, batt: 55, conn: 'm', t: 'u' };
    expect(decodeOwnTracks(message)).toEqual([
      { latitude: 52.52, longitude: 13.405, recordedAt: new Date(1764583200_000), accuracy: 12, speed: 10, heading: 180, altitude: 35, battery: 55 },
    ]);
  });

  it('ignores other message types, refuses what is not OwnTracks', () => {
    expect(decodeOwnTracks({ _type: 'transition', event: 'enter' })).toEqual([]);
    expect(decodeOwnTracks({ _type: 'lwt', tst: 1 })).toEqual([]);
    expect(decodeOwnTracks({ lat: 1, lon: 2 })).toBeNull();
    expect(decodeOwnTracks({ _type: 'location', lat: 1 })).toBeNull();
  });

  it('takes the device key from the Basic password', () => {
    expect(basicPassword(`Basic ${Buffer.from('jan:cvd_secret').toString('base64')}`)).toBe('cvd_secret');
    expect(basicPassword('Bearer x')).toBeNull();
    expect(basicPassword(undefined)).toBeNull();
  });
});
