import type { LinkStatus } from '@convoy/contracts';
import type { LinkFilter } from './links.store';

export const LINK_STATUS_LABELS: Record<LinkFilter, string> = {
  all: 'All',
  pending: 'Pending',
  redeemed: 'Redeemed',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** Badge colour (`.cv-badge[data-tone]`) of each status. */
export const LINK_STATUS_TONES: Record<LinkStatus, 'accent' | 'ok' | 'neutral' | 'danger'> = {
  pending: 'accent',
  redeemed: 'ok',
  expired: 'neutral',
  revoked: 'danger',
};
