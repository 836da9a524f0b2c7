import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import {
  type CreatedLinkResponse,
  type CreateLinkRequest,
  LINK_STATUSES,
  type LinkDto,
  type LinkStatus,
} from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { actionErrorMessage } from '../core/http/api-error';
import { API } from '../core/http/api-paths';

export type LinkFilter = LinkStatus | 'all';

/**
 * The tracking links page's state: the list (`GET /api/links`), the link just created (its token
 * and QR exist only in that answer), and revoking. Provided by the page, so it starts fresh there.
 */
@Injectable()
export class LinksStore {
  private readonly http = inject(HttpClient);

  private readonly _links = signal<readonly LinkDto[]>([]);
  private readonly _loading = signal(false);
  private readonly _loaded = signal(false);
  private readonly _loadError = signal<string | null>(null);
  private readonly _creating = signal(false);
  private readonly _createError = signal<string | null>(null);
  private readonly _created = signal<CreatedLinkResponse | null>(null);
  private readonly _revoking = signal<ReadonlySet<string>>(new Set());
  private readonly _revokeError = signal<string | null>(null);
  /** Bumped by every change made here, so a list answer that started earlier cannot undo it. */
  private generation = 0;

  readonly links = this._links.asReadonly();
  readonly loading = this._loading.asReadonly();
  /** The first answer arrived (an empty list then means "no links yet"). */
  readonly loaded = this._loaded.asReadonly();
  readonly loadError = this._loadError.asReadonly();
  readonly creating = this._creating.asReadonly();
  readonly createError = this._createError.asReadonly();
  /** The link created last, with its URL, token and QR: shown once, never retrievable again. */
  readonly created = this._created.asReadonly();
  readonly revokeError = this._revokeError.asReadonly();

  readonly filter = signal<LinkFilter>('all');
  readonly counts = computed(() => {
    const counts: Record<LinkFilter, number> = { all: 0, pending: 0, redeemed: 0, expired: 0, revoked: 0 };
    for (const link of this._links()) {
      counts.all++;
      counts[link.status]++;
    }
    return counts;
  });
  readonly visibleLinks = computed(() => {
    const filter = this.filter();
    return filter === 'all' ? this._links() : this._links().filter((link) => link.status === filter);
  });

  isRevoking(id: string): boolean {
    return this._revoking().has(id);
  }

  /** `GET /api/links`, newest first. Keeps the current list on failure and says why. */
  async load(): Promise<void> {
    const generation = this.generation;
    this._loading.set(true);
    try {
      const links = await firstValueFrom(this.http.get<LinkDto[]>(API.links));
      if (generation === this.generation) {
        this._links.set(links);
      }
      this._loadError.set(null);
      this._loaded.set(true);
    } catch (error) {
      this._loadError.set(actionErrorMessage(error, 'Could not load the links'));
    } finally {
      this._loading.set(false);
    }
  }

  /** `POST /api/links`. Resolves the new link (also in `created()`), or null with `createError()`. */
  async create(request: CreateLinkRequest): Promise<CreatedLinkResponse | null> {
    if (this._creating()) {
      return null;
    }
    this._creating.set(true);
    this._createError.set(null);
    try {
      const created = await firstValueFrom(this.http.post<CreatedLinkResponse>(API.links, request));
      this.generation++;
      this._created.set(created);
      this._links.update((links) => [toLinkDto(created), ...links.filter((link) => link.id !== created.id)]);
      return created;
    } catch (error) {
      this._createError.set(actionErrorMessage(error, 'Could not create the link'));
      return null;
    } finally {
      this._creating.set(false);
    }
  }

  /** Forget the created link's secret once the user is done with it. */
  dismissCreated(): void {
    this._created.set(null);
  }

  /** `DELETE /api/links/:id`: the link can no longer be redeemed. Resolves whether it worked. */
  async revoke(id: string): Promise<boolean> {
    if (this.isRevoking(id)) {
      return false;
    }
    this._revoking.update((ids) => new Set(ids).add(id));
    this._revokeError.set(null);
    try {
      await firstValueFrom(this.http.delete<void>(`${API.links}/${encodeURIComponent(id)}`));
      this.generation++;
      const revokedAt = new Date().toISOString();
      this._links.update((links) =>
        links.map((link) => (link.id === id ? { ...link, status: 'revoked', revokedAt: link.revokedAt ?? revokedAt } : link)),
      );
      return true;
    } catch (error) {
      this._revokeError.set(actionErrorMessage(error, 'Could not revoke the link'));
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

export const LINK_FILTERS: readonly LinkFilter[] = ['all', ...LINK_STATUSES];

/** The list entry of a created link: everything but the secret parts. */
function toLinkDto(created: CreatedLinkResponse): LinkDto {
  return {
    id: created.id,
    driverName: created.driverName,
    note: created.note,
    status: created.status,
    createdBy: created.createdBy,
    createdAt: created.createdAt,
    expiresAt: created.expiresAt,
    redeemedAt: created.redeemedAt,
    redeemedDriverId: created.redeemedDriverId,
    revokedAt: created.revokedAt,
  };
}
