import { hashDeviceKey, issueDeviceKey, looksLikeDeviceKey } from './device-key';

describe('device keys', () => {
  it('carry 256 random bits, are recognisable, and are stored only as a hash', () => {
    const { key, hash } = issueDeviceKey();
    expect(key).toMatch(/^cvd_[A-Za-z0-9_-]{43}$/);
    expect(looksLikeDeviceKey(key)).toBe(true);
    expect(hash).toBe(hashDeviceKey(key));
    expect(hash).not.toContain(key.slice(4));
    expect(issueDeviceKey().key).not.toBe(key);
  });

  it('refuses what cannot be a key before any lookup', () => {
    expect(looksLikeDeviceKey('123456')).toBe(false);
    expect(looksLikeDeviceKey(`cvd_${'x'.repeat(42)}`)).toBe(false);
    expect(looksLikeDeviceKey(undefined)).toBe(false);
  });
});
