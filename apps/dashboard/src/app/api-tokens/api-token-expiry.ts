import { SUGGESTED_TOKEN_EXPIRY_DAYS } from '@convoy/contracts';

/** Choices for a new token's lifetime; "never" omits `expiresInDays` (the server allows 1–3650). */
export const TOKEN_EXPIRY_CHOICES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days (suggested)' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never expires' },
] as const;

export type TokenExpiryChoice = (typeof TOKEN_EXPIRY_CHOICES)[number]['value'];

/** The form starts on the suggested lifetime: integrator secrets are rotated, not kept forever. */
export const DEFAULT_TOKEN_EXPIRY = String(SUGGESTED_TOKEN_EXPIRY_DAYS) as TokenExpiryChoice;

export function expiresInDays(choice: TokenExpiryChoice): number | undefined {
  return choice === 'never' ? undefined : Number(choice);
}
