import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { CreateUserRequest, UpdateUserRequest, UserDto } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { actionErrorMessage } from '../core/http/api-error';
import { API } from '../core/http/api-paths';

/**
 * The users page's state (admin only): `GET/POST /api/users`, `PATCH /api/users/:id`. A failed change
 * keeps the server's message beside the user it was about ("At least one active admin must remain").
 */
@Injectable()
export class UsersStore {
  private readonly http = inject(HttpClient);

  private readonly _users = signal<readonly UserDto[]>([]);
  private readonly _loading = signal(false);
  private readonly _loaded = signal(false);
  private readonly _loadError = signal<string | null>(null);
  private readonly _creating = signal(false);
  private readonly _createError = signal<string | null>(null);
  private readonly _saving = signal<ReadonlySet<string>>(new Set());
  private readonly _rowErrors = signal<Readonly<Record<string, string>>>({});

  readonly users = this._users.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly loaded = this._loaded.asReadonly();
  readonly loadError = this._loadError.asReadonly();
  readonly creating = this._creating.asReadonly();
  readonly createError = this._createError.asReadonly();

  isSaving(id: string): boolean {
    return this._saving().has(id);
  }

  /** Why the last change to this user failed, or null. */
  rowError(id: string): string | null {
    return this._rowErrors()[id] ?? null;
  }

  async load(): Promise<void> {
    this._loading.set(true);
    try {
      this._users.set(await firstValueFrom(this.http.get<UserDto[]>(API.users)));
      this._loadError.set(null);
      this._loaded.set(true);
    } catch (error) {
      this._loadError.set(actionErrorMessage(error, 'Could not load the users'));
    } finally {
      this._loading.set(false);
    }
  }

  /** `POST /api/users`. Resolves the new user, or null with `createError()` (e.g. the email is taken). */
  async create(request: CreateUserRequest): Promise<UserDto | null> {
    if (this._creating()) {
      return null;
    }
    this._creating.set(true);
    this._createError.set(null);
    try {
      const user = await firstValueFrom(this.http.post<UserDto>(API.users, request));
      this._users.update((users) => [...users.filter((u) => u.id !== user.id), user]);
      return user;
    } catch (error) {
      this._createError.set(actionErrorMessage(error, 'Could not create the user'));
      return null;
    } finally {
      this._creating.set(false);
    }
  }

  clearCreateError(): void {
    this._createError.set(null);
  }

  /**
   * `PATCH /api/users/:id` (role, disabled, password). Resolves the updated user, or null with
   * `rowError(id)` set; the list keeps the server's last word either way.
   */
  async update(id: string, change: UpdateUserRequest, what = 'Could not change this user'): Promise<UserDto | null> {
    if (this.isSaving(id)) {
      return null;
    }
    this._saving.update((ids) => new Set(ids).add(id));
    this.setRowError(id, null);
    try {
      const user = await firstValueFrom(this.http.patch<UserDto>(`${API.users}/${encodeURIComponent(id)}`, change));
      this._users.update((users) => users.map((u) => (u.id === id ? user : u)));
      return user;
    } catch (error) {
      this.setRowError(id, actionErrorMessage(error, what));
      return null;
    } finally {
      this._saving.update((ids) => {
        const next = new Set(ids);
        next.delete(id);
        return next;
      });
    }
  }

  clearRowError(id: string): void {
    this.setRowError(id, null);
  }

  private setRowError(id: string, message: string | null): void {
    this._rowErrors.update((errors) => {
      const next = { ...errors };
      if (message) {
        next[id] = message;
      } else {
        delete next[id];
      }
      return next;
    });
  }
}
