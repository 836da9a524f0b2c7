import { MAX_MUTE_MS, parseMuteDuration } from './mute-duration';

describe('parseMuteDuration', () => {
  it('reads minutes, hours and days', () => {
    expect(parseMuteDuration('30m')).toBe(30 * 60_000);
    expect(parseMuteDuration('2h')).toBe(2 * 3600_000);
    expect(parseMuteDuration('1d')).toBe(24 * 3600_000);
    expect(parseMuteDuration('90 min')).toBe(90 * 60_000);
    expect(parseMuteDuration('3 Hours')).toBe(3 * 3600_000);
  });

  it('mutes for an hour without an argument', () => {
    expect(parseMuteDuration(undefined)).toBe(3600_000);
    expect(parseMuteDuration('')).toBe(3600_000);
  });

  it('refuses nonsense, zero and more than a month', () => {
    for (const bad of ['forever', '1y', '-1h', '0m', '1.5h', 'h', '32d']) expect(parseMuteDuration(bad)).toBeNull();
    expect(parseMuteDuration('31d')).toBe(MAX_MUTE_MS);
  });
});
