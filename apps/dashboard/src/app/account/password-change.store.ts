import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { ChangePasswordRequest } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../core/auth/auth.store';
import { errorStatus, serverMessage, UNREACHABLE_MESSAGE } from '../core/http/api-error';
import { API } from '../core/http/api-paths';

/** `POST /api/auth/password`: your own new password. Other sessions end; this one stays. */
@Injectable()
export class PasswordChangeStore {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly _submitting = signal(false);
  private readonly _error = signal<string | null>(null);
  private readonly _changed = signal(false);

  readonly submitting = this._submitting.asReadonly();
  /** Why the last attempt failed ("The current password is not right"). */
  readonly error = this._error.asReadonly();
  /** The last attempt worked. */
  readonly changed = this._changed.asReadonly();

  async change(request: ChangePasswordRequest): Promise<boolean> {
    if (this._submitting()) {
      return false;
    }
    this._submitting.set(true);
    this._error.set(null);
    this._changed.set(false);
    try {
      await firstValueFrom(this.http.post<void>(API.changePassword, request));
      this.auth.passwordChanged();
      this._changed.set(true);
      return true;
    } catch (error) {
      this._error.set(changeErrorMessage(error));
      return false;
    } finally {
      this._submitting.set(false);
    }
  }
}

function changeErrorMessage(error: unknown): string {
  switch (errorStatus(error)) {
    case 0:
      return UNREACHABLE_MESSAGE;
    case 429:
      return 'Too many attempts, try again in a minute.';
    default:
      return serverMessage(error) ?? `The password was not changed (error ${errorStatus(error) ?? 'unknown'}). Try again.`;
  }
}
