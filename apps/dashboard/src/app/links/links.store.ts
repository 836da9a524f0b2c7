import { computed, Injectable, signal } from '@angular/core';
import {
  type CreatedLinkResponse,
  type CreateLinkRequest,
  LINK_STATUSES,
  type LinkDto,
  type LinkStatus,
} from '@convoy/contracts';
import { API } from '../core/http/api-paths';
import { RevocableListStore } from '../core/list-resource/list-resource.store';

export type LinkFilter = LinkStatus | 'all';

/**
 * The tracking links page's state: the list (`GET /api/links`, newest first), the link just created
 * (its token and QR exist only in that answer), and revoking. Provided by the page, so it starts fresh there.
 */
@Injectable()
export class LinksStore extends RevocableListStore<LinkDto, CreateLinkRequest, CreatedLinkResponse> {
  private readonly _created = signal<CreatedLinkResponse | null>(null);

  readonly links = this.items;
  /** The link created last, with its URL, token and QR: shown once, never retrievable again. */
  readonly created = this._created.asReadonly();

  readonly filter = signal<LinkFilter>('all');
  readonly counts = computed(() => {
    const counts: Record<LinkFilter, number> = { all: 0, pending: 0, redeemed: 0, expired: 0, revoked: 0 };
    for (const link of this.links()) {
      counts.all++;
      counts[link.status]++;
    }
    return counts;
  });
  readonly visibleLinks = computed(() => {
    const filter = this.filter();
    return filter === 'all' ? this.links() : this.links().filter((link) => link.status === filter);
  });

  constructor() {
    super({
      url: API.links,
      failures: { load: 'Could not load the links', create: 'Could not create the link', revoke: 'Could not revoke the link' },
      toItem: toLinkDto,
      newItems: 'first',
      revoked: (link, revokedAt) => ({ ...link, status: 'revoked', revokedAt: link.revokedAt ?? revokedAt }),
    });
  }

  /** Forget the created link's secret once the user is done with it. */
  dismissCreated(): void {
    this._created.set(null);
  }

  protected override onCreated(created: CreatedLinkResponse): void {
    this._created.set(created);
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
