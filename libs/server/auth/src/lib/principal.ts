import type { SessionUser } from '@convoy/contracts';

/** Who is calling: a signed-in user (session) or an integrator token acting for its creator. */
export interface Principal {
  user: SessionUser;
  via: 'session' | 'api-token';
  /** The session or API token row that authenticated the request. */
  credentialId: string;
  /** When the session or token expires by itself (null: a token without expiry). */
  expiresAt: Date | null;
}

/** Where guards leave the principal on the request. */
export const PRINCIPAL_KEY = 'convoyPrincipal';
export type RequestWithPrincipal = { [PRINCIPAL_KEY]?: Principal };
