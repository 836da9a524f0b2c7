import { NotFoundException } from '@nestjs/common';

/** Why a link cannot be redeemed: the bot turns each into a polite reply. */
export enum LinkRedemptionFailure {
  Unknown = 'unknown',
  Expired = 'expired',
  Revoked = 'revoked',
  AlreadyUsed = 'already-used',
}

export class LinkRedemptionError extends Error {
  override name = 'LinkRedemptionError';
  constructor(readonly failure: LinkRedemptionFailure) {
    super(`link cannot be redeemed: ${failure}`);
  }
}

export const linkNotFound = () =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', code: 'LINK_NOT_FOUND', message: 'No such link' });
