import { createHash, randomBytes } from 'node:crypto';

/** Prefix of device keys, so secret scanners can spot a leaked one (like `cvs_` / `cvt_`). */
export const DEVICE_KEY_PREFIX = 'cvd_';

/**
 * A device key: 256 random bits, base64url, shown once (the join answer) and stored as SHA-256 —
 * enough for a secret with that much entropy. It is what a GPS app sends as its device id.
 */
export function issueDeviceKey(): { key: string; hash: string } {
  const key = DEVICE_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, hash: hashDeviceKey(key) };
}

export function hashDeviceKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Shape check before any lookup: what a presented key must look like. */
export function looksLikeDeviceKey(value: unknown): value is string {
  return typeof value === 'string' && /^cvd_[A-Za-z0-9_-]{43}$/.test(value);
}
