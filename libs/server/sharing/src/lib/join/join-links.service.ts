import { Injectable } from '@nestjs/common';
import type { JoinLinkInfo } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { LinkRedemptionFailure, LinksService } from '@convoy/server/links';
import { DevicesService } from '../devices/devices.service';

export type JoinView = { failure: null; info: JoinLinkInfo } | { failure: LinkRedemptionFailure; info?: undefined };

/** What the join page may show for a token — the same checks as the redemption, read only. */
@Injectable()
export class JoinLinks {
  constructor(
    private readonly links: LinksService,
    private readonly devices: DevicesService,
    private readonly config: AppConfig,
  ) {}

  async view(token: string, deviceKey: string | null, now = new Date()): Promise<JoinView> {
    const link = await this.links.findByToken(token);
    if (!link) return { failure: LinkRedemptionFailure.Unknown };
    const info = (state: JoinLinkInfo['state']): JoinView => ({
      failure: null,
      info: { driverName: link.driverName, telegramUrl: this.links.telegramUrl(token), expiresAt: link.expiresAt.toISOString(), state },
    });
    if (link.redeemedAt) {
      const holder = await this.devices.authenticate(deviceKey);
      if (holder && holder.driverId === link.redeemedDriverId) return info('redeemed');
      return { failure: link.revokedAt ? LinkRedemptionFailure.Revoked : LinkRedemptionFailure.AlreadyUsed };
    }
    if (link.revokedAt) return { failure: LinkRedemptionFailure.Revoked };
    if (link.expiresAt <= now) return { failure: LinkRedemptionFailure.Expired };
    return info('pending');
  }

  /** Where devices send their points: PUBLIC_URL, else the origin the driver reached us at. */
  origin(requestOrigin: string): string {
    return this.config.publicUrl ?? requestOrigin;
  }
}
