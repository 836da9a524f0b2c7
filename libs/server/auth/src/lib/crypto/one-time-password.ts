import { randomBytes } from 'node:crypto';

/** A password someone is handed once (first admin, CLI reset): 144 random bits, 24 URL-safe chars. */
export function generateOneTimePassword(): string {
  return randomBytes(18).toString('base64url');
}
