import { Injectable, signal } from '@angular/core';
import type { ApiTokenDto, CreateApiTokenRequest, CreatedApiTokenResponse } from '@convoy/contracts';
import { API } from '../core/http/api-paths';
import { RevocableListStore } from '../core/list-resource/list-resource.store';

/**
 * Integrator API tokens (admin only): `GET/POST /api/tokens`, `DELETE /api/tokens/:id`. The secret
 * of a new token exists only in the create answer, kept in `created()` until dismissed or revoked.
 */
@Injectable()
export class ApiTokensStore extends RevocableListStore<ApiTokenDto, CreateApiTokenRequest, CreatedApiTokenResponse> {
  private readonly _created = signal<CreatedApiTokenResponse | null>(null);

  readonly tokens = this.items;
  readonly created = this._created.asReadonly();

  constructor() {
    super({
      url: API.apiTokens,
      failures: { load: 'Could not load the API tokens', create: 'Could not create the token', revoke: 'Could not revoke the token' },
      toItem: withoutSecret,
      newItems: 'first',
      revoked: (token, revokedAt) => ({ ...token, revokedAt: token.revokedAt ?? revokedAt }),
    });
  }

  /** Forget the secret: it was copied, or the admin gave up on it. */
  dismissCreated(): void {
    this._created.set(null);
  }

  /** A revoked token's secret is of no use any more: off the screen with it. */
  override async revoke(id: string): Promise<boolean> {
    const revoked = await super.revoke(id);
    if (revoked && this._created()?.id === id) {
      this._created.set(null);
    }
    return revoked;
  }

  protected override onCreated(created: CreatedApiTokenResponse): void {
    this._created.set(created);
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
