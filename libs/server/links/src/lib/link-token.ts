import { createHash, randomBytes } from 'node:crypto';

/**
 * Deep-link tokens: 256 random bits as 43 base64url characters, inside Telegram's `start` parameter
 * limits (≤ 64 chars of [A-Za-z0-9_-]). Stored as SHA-256: with that much entropy a plain hash
 * cannot be reversed or guessed.
 */
export function issueLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Shape check before any database work: what a /start payload must look like to be a token. */
export function looksLikeLinkToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(value);
}
