/** Choices for a new token's lifetime; "never" omits `expiresInDays` (the server allows 1–3650). */
export const TOKEN_EXPIRY_CHOICES = [
  { value: 'never', label: 'Never expires' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
] as const;

export type TokenExpiryChoice = (typeof TOKEN_EXPIRY_CHOICES)[number]['value'];

export function expiresInDays(choice: TokenExpiryChoice): number | undefined {
  return choice === 'never' ? undefined : Number(choice);
}
