import type { Role } from './roles';

/** The identity behind a request: a signed-in user, or an integrator API token acting for one. */
export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  /**
   * The password was set by someone else (the first admin's ADMIN_PASSWORD or generated one-time
   * password, an admin's reset, the CLI): the dashboard sends the user to the change form first.
   */
  mustChangePassword: boolean;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  user: SessionUser;
  /** Opaque bearer token; the same value is set as the httpOnly session cookie. */
  accessToken: string;
  expiresAt: string;
}

export interface MeResponse {
  user: SessionUser;
  /** `session` for a browser login, `api-token` for an integrator token. */
  via: 'session' | 'api-token';
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'convoy_session';

/** Codes of the auth errors a client may act on (the body's `code`). */
export const AUTH_ERROR_CODES = {
  /** Password hashing is at capacity: retry after the `Retry-After` seconds. */
  busy: 'AUTH_BUSY',
  /** The route acts for a person (users, tokens, passwords): an API token may not call it. */
  personRequired: 'AUTH_PERSON_REQUIRED',
  /** `PATCH /api/users/:ownId {password}`: change your own password with `POST /api/auth/password`. */
  ownPasswordViaChange: 'USER_OWN_PASSWORD_VIA_CHANGE',
} as const;
