import type { Role } from './roles';

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
