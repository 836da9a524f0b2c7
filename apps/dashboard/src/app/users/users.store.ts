import { Injectable, signal } from '@angular/core';
import type { CreateUserRequest, UpdateUserRequest, UserDto } from '@convoy/contracts';
import { API } from '../core/http/api-paths';
import { ListResourceStore } from '../core/list-resource/list-resource.store';

/**
 * The users page's state (admin only): `GET/POST /api/users`, `PATCH /api/users/:id`. A failed change
 * keeps the server's message beside the user it was about ("At least one active admin must remain").
 */
@Injectable()
export class UsersStore extends ListResourceStore<UserDto, CreateUserRequest> {
  private readonly _rowErrors = signal<Readonly<Record<string, string>>>({});

  readonly users = this.items;

  constructor() {
    super({
      url: API.users,
      failures: { load: 'Could not load the users', create: 'Could not create the user' },
      toItem: (user) => user,
      newItems: 'last',
    });
  }

  isSaving(id: string): boolean {
    return this.isBusy(id);
  }

  /** Why the last change to this user failed, or null. */
  rowError(id: string): string | null {
    return this._rowErrors()[id] ?? null;
  }

  /**
   * `PATCH /api/users/:id` (role, disabled, password). Resolves the updated user, or null with
   * `rowError(id)` set; the list keeps the server's last word either way.
   */
  async update(id: string, change: UpdateUserRequest, what = 'Could not change this user'): Promise<UserDto | null> {
    const updated = await this.changeItem(id, {
      send: (url) => this.http.patch<UserDto>(url, change),
      apply: (_, user) => user,
      failure: what,
      report: (message) => this.setRowError(id, message),
    });
    return updated?.answer ?? null;
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
