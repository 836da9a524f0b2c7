import { Injectable } from '@nestjs/common';
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HashingSlots } from './hashing-slots';

const scrypt = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * New hashes: OWASP's N=2^16, r=8, p=2 — the same CPU work as N=2^17, p=1 but 64 MiB of memory
 * (128·N·r bytes) instead of 128 MiB. The cost is kept in each hash, so older ones still verify.
 */
export const CURRENT_COST: Readonly<ScryptCost> = { N: 2 ** 16, r: 8, p: 2 };
/** What a stored hash may ask for (the old N=2^17, r=8 needs 128 MiB); anything above is refused. */
const MAX_MEMORY = 160 * 1024 * 1024;
const KEY_LENGTH = 32;

/**
 * At most 2 hashes at once (≤ 2 × 128 MiB even for old hashes), 16 more may wait up to 3 s; the
 * rest are told to retry (503 + Retry-After). A burst of sign-ins cannot exhaust memory.
 */
export const HASHING_LIMITS = { slots: 2, maxWaitMs: 3_000, maxQueue: 16, retryAfterSeconds: 2 };

/** scrypt from node:crypto: `scrypt$N$r$p$salt$key`, both base64url. */
@Injectable()
export class PasswordHasher {
  private readonly slots = new HashingSlots(HASHING_LIMITS);

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const { N, r, p } = CURRENT_COST;
    const key = await this.slots.run(() => scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEMORY }));
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const { cost, salt, key } = parsed;
    const actual = await this.slots.run(() =>
      scrypt(password, salt, key.length, { N: cost.N, r: cost.r, p: cost.p, maxmem: MAX_MEMORY }),
    );
    return timingSafeEqual(actual, key);
  }

  /** True when `stored` was made with other parameters than today's: rehash it at the next sign-in. */
  needsRehash(stored: string): boolean {
    const cost = parse(stored)?.cost;
    return !cost || cost.N !== CURRENT_COST.N || cost.r !== CURRENT_COST.r || cost.p !== CURRENT_COST.p;
  }
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  return { cost, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}
