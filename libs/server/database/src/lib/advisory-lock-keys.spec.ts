import { ADVISORY_LOCK_KEYS } from './advisory-lock-keys';

describe('ADVISORY_LOCK_KEYS', () => {
  it('gives every job its own key (a shared key makes two jobs exclude each other)', () => {
    const keys = Object.values(ADVISORY_LOCK_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds only bigint-sized integers', () => {
    for (const key of Object.values(ADVISORY_LOCK_KEYS)) expect(BigInt(key) < 2n ** 63n).toBe(true);
  });
});
