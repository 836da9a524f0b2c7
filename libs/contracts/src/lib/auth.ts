import type { Role } from './roles';

/** The identity behind a request: a signed-in user, or an integrator API token acting for one. */
export interface SessionUser {
  id: string;
  email: string;
  role: Role;
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
