import { deriveSpeed } from './derive-speed';

describe('deriveSpeed', () => {
  it('derives m/s from two fixes', () => {
    const a = { latitude: 50, longitude: 14, recordedAt: new Date('2026-11-24T12:00:00Z') };
    const b = { latitude: 50.001, longitude: 14, recordedAt: new Date('2026-11-24T12:00:10Z') };
    expect(deriveSpeed(a, b)).toBeCloseTo(11.12, 1);
  });

  it('gives null without a previous fix, for fixes under a second apart, and for GPS jumps', () => {
    const a = { latitude: 50, longitude: 14, recordedAt: new Date('2026-11-24T12:00:00Z') };
    expect(deriveSpeed(undefined, a)).toBeNull();
    expect(deriveSpeed(a, { ...a, latitude: 50.1, recordedAt: new Date('2026-11-24T12:00:00.500Z') })).toBeNull();
    expect(deriveSpeed(a, { ...a, latitude: 51, recordedAt: new Date('2026-11-24T12:00:10Z') })).toBeNull();
  });
});
