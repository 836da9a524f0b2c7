import { ROLES, type Role, type UserDto } from '@convoy/contracts';
import { generateOneTimePassword, type UsersService } from '@convoy/server/auth';

/** A command's outcome: what to print, and the exit code. */
export interface CommandResult {
  output: string;
  exitCode: number;
}

export class UsageError extends Error {}

export function parseRole(value: string | undefined): Role {
  const role = (value ?? 'admin') as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return role;
}

export async function listUsers(users: UsersService): Promise<CommandResult> {
  const rows = await users.list();
  if (rows.length === 0) return { output: 'No users yet.', exitCode: 0 };
  return { output: table(rows), exitCode: 0 };
}

/** Creates a user with a one-time password, printed once; they must change it at the first sign-in. */
export async function createUser(users: UsersService, email: string, role: Role): Promise<CommandResult> {
  const password = generateOneTimePassword();
  const user = await users.create({ email, role, password }, { mustChangePassword: true });
  return {
    output: [
      `Created ${user.email} (${user.role}).`,
      `One-time password: ${password}`,
      'It is shown only now; it must be changed at the first sign-in.',
    ].join('\n'),
    exitCode: 0,
  };
}

/** Sets a one-time password and signs the user out everywhere (every session ends). */
export async function resetPassword(users: UsersService, email: string): Promise<CommandResult> {
  const password = generateOneTimePassword();
  const user = await users.resetPassword(email, password);
  return {
    output: [
      `Reset the password of ${user.email}; every session of theirs has ended.`,
      `One-time password: ${password}`,
      'It is shown only now; it must be changed at the next sign-in.',
    ].join('\n'),
    exitCode: 0,
  };
}

function table(rows: UserDto[]): string {
  const lines = [
    ['EMAIL', 'ROLE', 'STATUS', 'LAST SIGN-IN'],
    ...rows.map((u) => [u.email, u.role, u.disabled ? 'disabled' : 'active', u.lastLoginAt ?? 'never']),
  ];
  const widths = lines[0].map((_, i) => Math.max(...lines.map((line) => line[i].length)));
  return lines.map((line) => line.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}
