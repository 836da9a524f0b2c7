import { scryptSync, randomBytes } from 'node:crypto';
import { PasswordHasher } from './password-hasher';

/** A hash as the earlier releases stored it: N=2^17, r=8, p=1 (128 MiB per hash). */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return ['scrypt', 2 ** 17, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

// each hash is ~0.1–0.3 s of CPU alone; on a busy shared machine that can be many times more
jest.setTimeout(60_000);

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with scrypt N=2^16, r=8, p=2 (64 MiB), and verifies the right password only', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$65536\$8\$2\$[\w-]+\$[\w-]+$/);
    await expect(hasher.verify('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery stapler', hash)).resolves.toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
  });

  it('still verifies hashes made with the old 128 MiB parameters, and says they need rehashing', async () => {
    const old = legacyHash('an old password');
    await expect(hasher.verify('an old password', old)).resolves.toBe(true);
    await expect(hasher.verify('another password', old)).resolves.toBe(false);
    expect(hasher.needsRehash(old)).toBe(true);
  });

  it('salts each hash, so equal passwords do not give equal hashes', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);
    expect(a).not.toEqual(b);
  });

  it('treats a stored value of another scheme as a mismatch, not a crash', async () => {
    await expect(hasher.verify('x', 'bcrypt$2b$10$abc')).resolves.toBe(false);
    await expect(hasher.verify('x', '')).resolves.toBe(false);
    await expect(hasher.verify('x', 'scrypt$abc$8$1$c2FsdA$a2V5')).resolves.toBe(false);
  });
});
