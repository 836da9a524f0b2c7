import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { ApiTokenDto, CreateApiTokenRequest, CreatedApiTokenResponse } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { actionErrorMessage } from '../core/http/api-error';
import { API } from '../core/http/api-paths';

/**
 * Integrator API tokens (admin only): `GET/POST /api/tokens`, `DELETE /api/tokens/:id`. The secret
 * of a new token exists only in the create answer, kept in `created()` until dismissed.
 */
@Injectable()
export class ApiTokensStore {
  private readonly http = inject(HttpClient);

  private readonly _tokens = signal<readonly ApiTokenDto[]>([]);
  private readonly _loading = signal(false);
  private readonly _loaded = signal(false);
  private readonly _loadError = signal<string | null>(null);
  private readonly _creating = signal(false);
  private readonly _createError = signal<string | null>(null);
  private readonly _created = signal<CreatedApiTokenResponse | null>(null);
  private readonly _revoking = signal<ReadonlySet<string>>(new Set());
  private readonly _revokeError = signal<string | null>(null);

  readonly tokens = this._tokens.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly loaded = this._loaded.asReadonly();
  readonly loadError = this._loadError.asReadonly();
  readonly creating = this._creating.asReadonly();
  readonly createError = this._createError.asReadonly();
  readonly created = this._created.asReadonly();
  readonly revokeError = this._revokeError.asReadonly();

  isRevoking(id: string): boolean {
    return this._revoking().has(id);
  }

  async load(): Promise<void> {
    this._loading.set(true);
    try {
      this._tokens.set(await firstValueFrom(this.http.get<ApiTokenDto[]>(API.apiTokens)));
      this._loadError.set(null);
      this._loaded.set(true);
    } catch (error) {
      this._loadError.set(actionErrorMessage(error, 'Could not load the API tokens'));
    } finally {
      this._loading.set(false);
    }
  }

  /** `POST /api/tokens`. Resolves the token with its secret, or null with `createError()`. */
  async create(request: CreateApiTokenRequest): Promise<CreatedApiTokenResponse | null> {
    if (this._creating()) {
      return null;
    }
    this._creating.set(true);
    this._createError.set(null);
    try {
      const created = await firstValueFrom(this.http.post<CreatedApiTokenResponse>(API.apiTokens, request));
      this._created.set(created);
      this._tokens.update((tokens) => [withoutSecret(created), ...tokens.filter((token) => token.id !== created.id)]);
      return created;
    } catch (error) {
      this._createError.set(actionErrorMessage(error, 'Could not create the token'));
      return null;
    } finally {
      this._creating.set(false);
    }
  }

  /** Forget the secret: it was copied, or the admin gave up on it. */
  dismissCreated(): void {
    this._created.set(null);
  }

  /** `DELETE /api/tokens/:id`: it stops working at once. Resolves whether it worked. */
  async revoke(id: string): Promise<boolean> {
    if (this.isRevoking(id)) {
      return false;
    }
    this._revoking.update((ids) => new Set(ids).add(id));
    this._revokeError.set(null);
    try {
      await firstValueFrom(this.http.delete<void>(`${API.apiTokens}/${encodeURIComponent(id)}`));
      const revokedAt = new Date().toISOString();
      this._tokens.update((tokens) =>
        tokens.map((token) => (token.id === id ? { ...token, revokedAt: token.revokedAt ?? revokedAt } : token)),
      );
      if (this._created()?.id === id) {
        this._created.set(null);
      }
      return true;
    } catch (error) {
      this._revokeError.set(actionErrorMessage(error, 'Could not revoke the token'));
      return false;
    } finally {
      this._revoking.update((ids) => {
        const next = new Set(ids);
        next.delete(id);
        return next;
      });
    }
  }
}

function withoutSecret(created: CreatedApiTokenResponse): ApiTokenDto {
  return {
    id: created.id,
    name: created.name,
    role: created.role,
    prefix: created.prefix,
    createdBy: created.createdBy,
    createdAt: created.createdAt,
    expiresAt: created.expiresAt,
    lastUsedAt: created.lastUsedAt,
    revokedAt: created.revokedAt,
  };
}

export type ApiTokenState = 'active' | 'expired' | 'revoked';

/** Whether a token still works, as of `now`. */
export function apiTokenState(token: ApiTokenDto, now = Date.now()): ApiTokenState {
  if (token.revokedAt) {
    return 'revoked';
  }
  return token.expiresAt && Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}
