import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import {
  ERASED_DRIVER_NAME,
  type CreateLinkRequest,
  type CreatedLinkResponse,
  type LinkDto,
  type LinkStatus,
  type SeedGeneratedLinkResponse,
  type SessionUser,
} from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { toString as qrToString } from 'qrcode';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { LinkEntity } from './entities/link.entity';
import { issueLinkToken, hashLinkToken, looksLikeLinkToken } from './link-token';
import { linkNotFound } from './links.errors';

export const DEFAULT_LINK_HOURS = 72;
/** The seed's `instructions` field: what to tell the driver with the link. */
export const SEED_INSTRUCTIONS =
  'Send this link to the driver. Opened on their phone, it offers Telegram, sharing from the browser, or a GPS app (Traccar Client, OsmAnd, GPSLogger, OwnTracks).';

/** Tracking links: created by dispatchers, redeemed once by a driver (EnrolmentService, every channel). */
@Injectable()
export class LinksService {
  constructor(
    @InjectRepository(LinkEntity) private readonly links: Repository<LinkEntity>,
    private readonly config: AppConfig,
  ) {}

  /** `origin`: the request's own origin, for the join URL when PUBLIC_URL is not set. */
  async create(creator: SessionUser, request: CreateLinkRequest, origin: string): Promise<CreatedLinkResponse> {
    const { token, hash } = issueLinkToken();
    const hours = request.expiresInHours ?? DEFAULT_LINK_HOURS;
    const reservedDriverId = randomUUID();
    const saved = await this.links.save(
      this.links.create({
        tokenHash: hash,
        reservedDriverId,
        driverName: request.driverName?.trim() || `Driver ${reservedDriverId.slice(0, 8)}`,
        note: request.note?.trim() || null,
        createdById: creator.id,
        createdByEmail: creator.email,
        expiresAt: new Date(Date.now() + hours * 3_600_000),
      }),
    );
    const joinUrl = this.joinUrl(token, origin);
    const qrSvg = await qrToString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { ...toLinkDto(saved, new Date()), url: this.deepLink(token) ?? joinUrl, joinUrl, driverId: saved.reservedDriverId, token, qrSvg };
  }

  /** GET /generate-link, as the seed did it: a link with a default driver name and its three fields. */
  async createSeedLink(creator: SessionUser, origin: string): Promise<SeedGeneratedLinkResponse> {
    const link = await this.create(creator, { driverName: '' }, origin);
    return { ...link, driver_id: link.driverId, tracking_link: link.url, instructions: SEED_INSTRUCTIONS };
  }

  async list(): Promise<LinkDto[]> {
    const now = new Date();
    return (await this.links.find({ order: { createdAt: 'DESC' }, take: 1000 })).map((link) => toLinkDto(link, now));
  }

  /**
   * A driver's data is being erased (inside the caller's transaction): the links that brought them
   * in lose the driver's name, the dispatcher's note and the Telegram user id, and are withdrawn, so
   * no old link brings the driver back. Returns how many links were changed.
   */
  async eraseDriverWithin(manager: EntityManager, driverId: string, at: Date): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(LinkEntity)
      .set({ driverName: ERASED_DRIVER_NAME, note: null, redeemedTelegramUserId: null, revokedAt: () => 'coalesce(revoked_at, :at)' })
      .setParameter('at', at)
      .where('redeemed_by_driver_id = :driverId OR reserved_driver_id = :driverId', { driverId })
      .execute();
    return result.affected ?? 0;
  }

  /** Retention: deletes links redeemed, expired or revoked before `cutoff`. Pending links stay. */
  async purgeFinished(cutoff: Date): Promise<number> {
    const result = await this.links
      .createQueryBuilder()
      .delete()
      .where('redeemed_at < :cutoff OR expires_at < :cutoff OR revoked_at < :cutoff', { cutoff })
      .execute();
    return result.affected ?? 0;
  }

  async revoke(id: string): Promise<void> {
    const result = await this.links.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected && !(await this.links.existsBy({ id }))) throw linkNotFound();
  }

  /**
   * The link a token names, locked for the rest of the caller's transaction (redemption: claim and
   * bind happen in one transaction, EnrolmentService). null for a token that is not a link.
   */
  async lockForRedemption(manager: EntityManager, token: string): Promise<LinkEntity | null> {
    if (!looksLikeLinkToken(token)) return null;
    return manager
      .getRepository(LinkEntity)
      .createQueryBuilder('link')
      .setLock('pessimistic_write')
      .where('link.token_hash = :tokenHash', { tokenHash: hashLinkToken(token) })
      .getOne();
  }

  /** The link a token names, read only (the join page's info), or null. */
  async findByToken(token: string): Promise<LinkEntity | null> {
    if (!looksLikeLinkToken(token)) return null;
    return this.links.findOneBy({ tokenHash: hashLinkToken(token) });
  }

  /** Within the redemption's transaction: the link is used, by this driver (and Telegram user). */
  async markRedeemed(manager: EntityManager, link: LinkEntity, driverId: string, telegramUserId: number | null): Promise<void> {
    await manager.getRepository(LinkEntity).update(
      { id: link.id },
      {
        redeemedAt: link.redeemedAt ?? new Date(),
        redeemedDriverId: driverId,
        redeemedTelegramUserId: telegramUserId === null ? link.redeemedTelegramUserId : String(telegramUserId),
      },
    );
  }

  /** The link whose reserved driver id this is (seed: /api/driver-location before the redemption). */
  async findByReservedDriver(driverId: string): Promise<LinkEntity | null> {
    return this.links.findOneBy({ reservedDriverId: driverId });
  }

  /** Convoy's own public page for a link (what the QR code encodes). */
  joinUrl(token: string, origin: string): string {
    return `${this.config.publicUrl ?? origin.replace(/\/+$/, '')}/join/${token}`;
  }

  /** `https://t.me/<bot>?start=<token>` when a bot username is configured. */
  telegramUrl(token: string): string | null {
    return this.deepLink(token);
  }

  private deepLink(token: string): string | null {
    const bot = this.config.telegram.botUsername;
    return bot ? `https://t.me/${bot}?start=${token}` : null;
  }
}

export function linkStatus(link: LinkEntity, now: Date): LinkStatus {
  if (link.revokedAt) return 'revoked';
  if (link.redeemedAt) return 'redeemed';
  return link.expiresAt <= now ? 'expired' : 'pending';
}

export function toLinkDto(link: LinkEntity, now: Date): LinkDto {
  return {
    id: link.id,
    driverName: link.driverName,
    note: link.note,
    status: linkStatus(link, now),
    createdBy: link.createdByEmail,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    redeemedAt: link.redeemedAt?.toISOString() ?? null,
    redeemedDriverId: link.redeemedDriverId,
    revokedAt: link.revokedAt?.toISOString() ?? null,
  };
}
