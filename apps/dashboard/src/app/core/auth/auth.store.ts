import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { type LoginRequest, type LoginResponse, type MeResponse, type Role, roleSatisfies, type SessionUser } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { loginErrorMessage } from '../http/api-error';
import { API } from '../http/api-paths';

/**
 * Who is signed in. The session itself is the API's httpOnly cookie: this store never sees or keeps
 * the access token, it only mirrors the user the server vouches for (`/api/auth/me`, login answer).
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);

  private readonly _user = signal<SessionUser | null>(null);
  private readonly _submitting = signal(false);
  private readonly _error = signal<string | null>(null);
  private restoring: Promise<SessionUser | null> | null = null;

  /** The signed-in user, or null. */
  readonly user = this._user.asReadonly();
  readonly signedIn = computed(() => this._user() !== null);
  /** A login request is in flight. */
  readonly submitting = this._submitting.asReadonly();
  /** Why the last login failed, ready to show; null after a success or a new attempt. */
  readonly error = this._error.asReadonly();

  /**
   * Asks the server once whether the browser already has a session (`GET /api/auth/me`).
   * Any failure (401, server down) counts as signed out. Later calls reuse the first answer.
   */
  restore(): Promise<SessionUser | null> {
    this.restoring ??= firstValueFrom(this.http.get<MeResponse>(API.me)).then(
      (me) => {
        this._user.set(me.user);
        return me.user;
      },
      () => {
        this._user.set(null);
        return null;
      },
    );
    return this.restoring;
  }

  /** `POST /api/auth/login`. Resolves true when signed in; otherwise `error()` says why. */
  async login(credentials: LoginRequest): Promise<boolean> {
    if (this._submitting()) {
      return false;
    }
    this._submitting.set(true);
    this._error.set(null);
    try {
      const response = await firstValueFrom(this.http.post<LoginResponse>(API.login, credentials));
      this._user.set(response.user);
      this.restoring = Promise.resolve(response.user);
      return true;
    } catch (error) {
      this._user.set(null);
      this._error.set(loginErrorMessage(error));
      return false;
    } finally {
      this._submitting.set(false);
    }
  }

  /**
   * `POST /api/auth/logout`, then forget the user. The local session ends even when the call fails
   * (already expired, server unreachable): the person asked to be signed out.
   */
  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(API.logout, null));
    } catch {
      // the cookie is httpOnly: nothing more we can do from here
    } finally {
      this.clear();
    }
  }

  /** The user chose their own password (`POST /api/auth/password` succeeded): nothing is pending. */
  passwordChanged(): void {
    const user = this._user();
    if (user?.mustChangePassword) {
      const updated = { ...user, mustChangePassword: false };
      this._user.set(updated);
      this.restoring = Promise.resolve(updated);
    }
  }

  /** The password was set by someone else: the dashboard asks for a new one before anything else. */
  readonly mustChangePassword = computed(() => this._user()?.mustChangePassword === true);

  /** Forget the user without asking the server (its session is already gone). */
  clear(): void {
    this._user.set(null);
    this._error.set(null);
    this.restoring = Promise.resolve(null);
  }

  /** admin ⊃ dispatcher ⊃ viewer. */
  can(required: Role): boolean {
    const user = this._user();
    return user !== null && roleSatisfies(user.role, required);
  }
}
