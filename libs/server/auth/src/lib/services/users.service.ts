import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  LIVE_REVOCATION_REASONS,
  type CreateUserRequest,
  type Role,
  type SessionUser,
  type UpdateUserRequest,
  type UserDto,
} from '@convoy/contracts';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import {
  emailTaken,
  lastAdmin,
  ownPasswordViaChange,
  passwordUnchanged,
  selfChange,
  userNotFound,
  wrongCurrentPassword,
} from '../auth.errors';
import { PasswordHasher } from '../crypto/password-hasher';
import { UserEntity } from '../entities/user.entity';
import { CredentialEvents } from '../revocation/credential-events.service';
import { SessionsService } from './sessions.service';
import { ADVISORY_LOCK_KEYS } from '@convoy/server/database';

const USERS_LOCK_KEY = ADVISORY_LOCK_KEYS.users;

@Injectable()
export class UsersService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly dummyHash: Promise<string>;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly events: CredentialEvents,
  ) {
    this.dummyHash = this.passwords.hash('convoy-timing-equaliser');
  }

  async list(): Promise<UserDto[]> {
    const users = await this.users.find({ order: { createdAt: 'ASC' } });
    return users.map(toUserDto);
  }

  /** `mustChangePassword`: the password was chosen for them (the CLI's one-time password). */
  async create(request: CreateUserRequest, options: { mustChangePassword?: boolean } = {}): Promise<UserDto> {
    const email = request.email.trim().toLowerCase();
    if (await this.users.existsBy({ email })) throw emailTaken();
    const user = this.users.create({
      email,
      role: request.role,
      passwordHash: await this.passwords.hash(request.password),
      mustChangePassword: options.mustChangePassword ?? false,
    });
    try {
      return toUserDto(await this.users.save(user));
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw emailTaken();
      throw error;
    }
  }

  /**
   * Role changes and disabling keep at least one active admin; disabling ends the user's sessions.
   * A password set here is another user's (your own needs the current one: `changePassword`); it
   * ends their sessions and must be changed at their next sign-in.
   */
  async update(actorId: string, id: string, change: UpdateUserRequest): Promise<UserDto> {
    if (id === actorId && change.password !== undefined) throw ownPasswordViaChange();
    if (id === actorId && (change.disabled === true || (change.role && change.role !== 'admin'))) throw selfChange();
    const updated = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${USERS_LOCK_KEY})`);
      const user = await manager.findOneBy(UserEntity, { id });
      if (!user) throw userNotFound();
      const losesAdmin = user.role === 'admin' && !user.disabled && (change.disabled === true || (change.role ?? 'admin') !== 'admin');
      if (losesAdmin && (await this.countActiveAdmins(manager)) <= 1) throw lastAdmin();
      if (change.role) user.role = change.role;
      if (change.disabled !== undefined) user.disabled = change.disabled;
      if (change.password) {
        user.passwordHash = await this.passwords.hash(change.password);
        user.mustChangePassword = true;
      }
      return manager.save(user);
    });
    if (updated.disabled) {
      await this.sessions.revokeAllFor(updated.id, null, LIVE_REVOCATION_REASONS.accountDisabled);
      // a disabled user's API tokens stop working too (their creator must be active)
      this.events.revoked({ reason: LIVE_REVOCATION_REASONS.accountDisabled, userId: updated.id, via: 'api-token' });
    } else if (change.password) {
      await this.sessions.revokeAllFor(updated.id, null, LIVE_REVOCATION_REASONS.passwordChanged);
    }
    return toUserDto(updated);
  }

  /**
   * The active user with these credentials, or null; takes the same time for unknown emails.
   * A hash made with older parameters is replaced by one with today's on success.
   */
  async verifyCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findOneBy({ email: email.trim().toLowerCase() });
    const valid = await this.passwords.verify(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !valid || user.disabled) return null;
    if (this.passwords.needsRehash(user.passwordHash)) {
      const rehashed = await this.passwords.hash(password);
      // only if nobody changed it meanwhile
      await this.users.update({ id: user.id, passwordHash: user.passwordHash }, { passwordHash: rehashed });
      user.passwordHash = rehashed;
    }
    return user;
  }

  /**
   * Self-service change: needs the current password, and a new one; every other session of the
   * user ends. Clears "must change password".
   */
  async changePassword(userId: string, keepSessionId: string | null, current: string, next: string): Promise<void> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user || !(await this.passwords.verify(current, user.passwordHash))) throw wrongCurrentPassword();
    if (next === current) throw passwordUnchanged();
    await this.users.update({ id: userId }, { passwordHash: await this.passwords.hash(next), mustChangePassword: false });
    await this.sessions.revokeAllFor(userId, keepSessionId, LIVE_REVOCATION_REASONS.passwordChanged);
  }

  /**
   * Account recovery (the CLI): sets `password` as a one-time password that must be changed at
   * the next sign-in, and ends every session of the user.
   */
  async resetPassword(email: string, password: string): Promise<UserDto> {
    const user = await this.users.findOneBy({ email: email.trim().toLowerCase() });
    if (!user) throw userNotFound();
    user.passwordHash = await this.passwords.hash(password);
    user.mustChangePassword = true;
    const saved = await this.users.save(user);
    await this.sessions.revokeAllFor(user.id, null, LIVE_REVOCATION_REASONS.passwordChanged);
    return toUserDto(saved);
  }

  async recordLogin(userId: string): Promise<void> {
    await this.users.update({ id: userId }, { lastLoginAt: new Date() });
  }

  /**
   * Creates the first admin when there is no user at all. Serialised with an advisory lock so
   * replicas booting together create one admin. Returns the created user, or null.
   */
  async createFirstAdmin(email: string, password: string): Promise<UserEntity | null> {
    if (await this.users.exists()) return null;
    const passwordHash = await this.passwords.hash(password);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${USERS_LOCK_KEY})`);
      if ((await manager.count(UserEntity)) > 0) return null;
      // whoever set ADMIN_PASSWORD or read the one-time password knows it: the admin picks their own
      return manager.save(
        manager.create(UserEntity, { email: email.toLowerCase(), passwordHash, role: 'admin' as Role, mustChangePassword: true }),
      );
    });
  }

  /** Whether any user exists (the first-admin rule and the CLI ask). */
  hasAnyUser(): Promise<boolean> {
    return this.users.exists();
  }

  private countActiveAdmins(manager: EntityManager): Promise<number> {
    return manager.countBy(UserEntity, { role: 'admin', disabled: false });
  }
}

export function toSessionUser(user: UserEntity): SessionUser {
  return { id: user.id, email: user.email, role: user.role, mustChangePassword: user.mustChangePassword };
}

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
