import type { Role } from './roles';

/** A new password's length rule, enforced by the API and shown by the dashboard. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export interface UserDto {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface CreateUserRequest {
  email: string;
  password: string;
  role: Role;
}

export interface UpdateUserRequest {
  role?: Role;
  disabled?: boolean;
  /** An admin sets a new password (e.g. for a user who forgot theirs); their sessions end. */
  password?: string;
}
