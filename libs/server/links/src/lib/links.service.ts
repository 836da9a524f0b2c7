import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ERASED_DRIVER_NAME, type CreateLinkRequest, type CreatedLinkResponse, type LinkDto, type LinkStatus, type SessionUser } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { toString as qrToString } from 'qrcode';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { LinkEntity } from './entities/link.entity';
import { issueLinkToken, hashLinkToken, looksLikeLinkToken } from './link-token';
import { linkNotFound, LinkRedemptionError, LinkRedemptionFailure } from './links.errors';

export const DEFAULT_LINK_HOURS = 72;

/** Tracking links: created by dispatchers, redeemed once by a driver through the bot. */
@Injectable()
export class LinksService {
  constructor(
    @InjectRepository(LinkEntity) private readonly links: Repository<LinkEntity>,
    private readonly config: AppConfig,
  ) {}

  async create(creator: SessionUser, request: CreateLinkRequest): Promise<CreatedLinkResponse> {
    const { token, hash } = issueLinkToken();
    const hours = request.expiresInHours ?? DEFAULT_LINK_HOURS;
    const saved = await this.links.save(
      this.links.create({
        tokenHash: hash,
        driverName: request.driverName.trim(),
        note: request.note?.trim() || null,
        createdById: creator.id,
        createdByEmail: creator.email,
        expiresAt: new Date(Date.now() + hours * 3_600_000),
      }),
    );
    const url = this.deepLink(token);
    const qrSvg = url ? await qrToString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null;
    return { ...toLinkDto(saved, new Date()), url, token, qrSvg };
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
      .where('redeemed_by_driver_id = :driverId', { driverId })
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
   * Claims a link for a Telegram user, atomically: a link is single use, so a second user is
   * refused; the same user opening it again gets it back (an idempotent retry).
   */
  async claim(token: string, telegramUserId: number): Promise<LinkEntity> {
    if (!looksLikeLinkToken(token)) throw new LinkRedemptionError(LinkRedemptionFailure.Unknown);
    const tokenHash = hashLinkToken(token);
    const [claimed]: LinkEntity[] = await this.links
      .createQueryBuilder()
      .update(LinkEntity)
      .set({ redeemedAt: () => 'now()', redeemedTelegramUserId: String(telegramUserId) })
      .where('token_hash = :tokenHash AND redeemed_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { tokenHash })
      .returning('*')
      .execute()
      .then((result) => (result.raw as Array<Record<string, unknown>>).map((raw) => this.links.create(fromRaw(raw))));
    if (claimed) return claimed;

    const link = await this.links.findOneBy({ tokenHash });
    if (!link) throw new LinkRedemptionError(LinkRedemptionFailure.Unknown);
    if (link.redeemedAt && link.redeemedTelegramUserId === String(telegramUserId)) return link;
    if (link.revokedAt) throw new LinkRedemptionError(LinkRedemptionFailure.Revoked);
    if (link.redeemedAt) throw new LinkRedemptionError(LinkRedemptionFailure.AlreadyUsed);
    throw new LinkRedemptionError(LinkRedemptionFailure.Expired);
  }

  /** Records which driver a claimed link bound. */
  async attachDriver(linkId: string, driverId: string): Promise<void> {
    await this.links.update({ id: linkId }, { redeemedDriverId: driverId });
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

/** RETURNING * gives column names; map them onto the entity's properties. */
function fromRaw(raw: Record<string, unknown>): Partial<LinkEntity> {
  return {
    id: raw['id'] as string,
    tokenHash: raw['token_hash'] as string,
    driverName: raw['driver_name'] as string,
    note: raw['note'] as string | null,
    createdById: raw['created_by'] as string | null,
    createdByEmail: raw['created_by_email'] as string | null,
    createdAt: raw['created_at'] as Date,
    expiresAt: raw['expires_at'] as Date,
    redeemedAt: raw['redeemed_at'] as Date | null,
    redeemedDriverId: raw['redeemed_by_driver_id'] as string | null,
    redeemedTelegramUserId: raw['redeemed_telegram_user_id'] as string | null,
    revokedAt: raw['revoked_at'] as Date | null,
  };
}
