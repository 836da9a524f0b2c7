import type { Role } from './roles';

export interface ApiTokenDto {
  id: string;
  name: string;
  role: Role;
  /** First characters of the secret, to tell tokens apart; never enough to use it. */
  prefix: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateApiTokenRequest {
  name: string;
  role: Role;
  /** Omit for a token that never expires. */
  expiresInDays?: number;
}

/** What the dashboard's token form suggests: integrator secrets should be rotated, not kept forever. */
export const SUGGESTED_TOKEN_EXPIRY_DAYS = 90;

/** Returned once, at creation: the secret is stored hashed and cannot be shown again. */
export interface CreatedApiTokenResponse extends ApiTokenDto {
  token: string;
}
