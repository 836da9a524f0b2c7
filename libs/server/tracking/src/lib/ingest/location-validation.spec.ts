import type { LocationReport } from '@convoy/contracts';
import { assertValidLocation, InvalidLocationError, InvalidLocationReason } from './location-validation';

const now = new Date('2026-11-24T12:00:00Z');
const valid: LocationReport = {
  driverId: 'd1',
  latitude: 50.08,
  longitude: 14.42,
  accuracy: 10,
  heading: 90,
  recordedAt: new Date('2026-11-24T11:59:00Z'),
  source: 'telegram-live',
};

function reasonFor(change: Partial<LocationReport>): InvalidLocationReason | 'valid' {
  try {
    assertValidLocation({ ...valid, ...change }, now);
    return 'valid';
  } catch (error) {
    return (error as InvalidLocationError).reason;
  }
}

describe('assertValidLocation', () => {
  it('accepts a normal fix, edges of the ranges included', () => {
    expect(reasonFor({})).toBe('valid');
    expect(reasonFor({ latitude: -90, longitude: 180, accuracy: 1500, heading: 360 })).toBe('valid');
    expect(reasonFor({ heading: 0, battery: 0, altitude: -20 })).toBe('valid'); // GPS apps: 0 = north
    expect(reasonFor({ accuracy: null, heading: undefined })).toBe('valid');
  });

  it.each([
    [{ latitude: 91 }, InvalidLocationReason.Coordinates],
    [{ longitude: -180.5 }, InvalidLocationReason.Coordinates],
    [{ latitude: Number.NaN }, InvalidLocationReason.Coordinates],
    [{ latitude: '50' as unknown as number }, InvalidLocationReason.Coordinates],
    [{ accuracy: 1501 }, InvalidLocationReason.Accuracy],
    [{ heading: -1 }, InvalidLocationReason.Heading],
    [{ heading: 361 }, InvalidLocationReason.Heading],
    [{ speed: -1 }, InvalidLocationReason.Speed],
    [{ battery: 101 }, InvalidLocationReason.Battery],
    [{ altitude: Number.POSITIVE_INFINITY }, InvalidLocationReason.Altitude],
    [{ recordedAt: new Date('2026-11-24T12:05:01Z') }, InvalidLocationReason.Timestamp],
    [{ recordedAt: new Date('nonsense') }, InvalidLocationReason.Timestamp],
  ])('refuses %j', (change, reason) => {
    expect(reasonFor(change)).toBe(reason);
  });

  it('tolerates a device clock slightly ahead', () => {
    expect(reasonFor({ recordedAt: new Date('2026-11-24T12:04:59Z') })).toBe('valid');
  });
});
