import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DriverDto, JoinChannel, NewConvoyEvent } from '@convoy/contracts';
import { appendEvents, EventDispatcher } from '@convoy/server/events';
import { type LinkEntity, LinkRedemptionError, LinkRedemptionFailure, LinksService } from '@convoy/server/links';
import { DriverEntity, DriversService, TrackingService } from '@convoy/server/tracking';
import { type DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { DevicesService } from '../devices/devices.service';
import { driverJoined, sharingEnded } from '../events/sharing-events';
import { SharingService, type TelegramIdentity } from '../sharing.service';

/** Who redeems a link: a Telegram user (the bot), or a browser / GPS app (the join page). */
export type EnrolmentIdentity =
  | { channel: 'telegram'; telegram: TelegramIdentity }
  /** `deviceKey`: the key this browser already holds, if any (the same browser again resumes). */
  | { channel: JoinChannel; deviceKey: string | null };

/**
 * The result of a redemption, contract-shaped. `bound`: the link was claimed now; `resumed`: the
 * identity that redeemed it came back after leaving (Telegram /stop) and has its driver again;
 * `unchanged`: the same identity again (a retry, a reload) — nothing changed.
 */
export interface Enrolment {
  driver: DriverDto;
  outcome: 'bound' | 'resumed' | 'unchanged';
  /** Device channels: the key to send points with (new ones are shown once); null for Telegram. */
  deviceKey: string | null;
}

interface Change {
  enrolment: Omit<Enrolment, 'driver'> & { driverId: string };
  /** Drivers whose binding changed, to announce and to drop from memory after the commit. */
  touched: string[];
  telegramUserId: number | null;
  /** What the redemption announces (`driver.joined`, the released driver's `driver.sharing_ended`). */
  events: NewConvoyEvent[];
}

/**
 * The one use case behind every channel's "open my link": claim the link and bind the identity in
 * ONE transaction (the link row is locked, so two channels racing for it cannot both win), with one
 * set of checks: unknown → expired/revoked → used by someone else. The bot, the join page and the
 * GPS-app setup all call `redeem`.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: LinksService,
    private readonly devices: DevicesService,
    private readonly drivers: DriversService,
    private readonly sharing: SharingService,
    private readonly tracking: TrackingService,
    @Optional() private readonly dispatcher: EventDispatcher | null = null,
  ) {}

  /** Throws LinkRedemptionError (`failure` says why) when the link cannot be redeemed by this identity. */
  async redeem(token: string, identity: EnrolmentIdentity, now = new Date()): Promise<Enrolment> {
    const change = await this.dataSource.transaction(async (manager) => {
      const decided = await this.decide(manager, token, identity, now);
      // in the redemption's transaction: announced exactly when the binding commits
      await appendEvents(manager, decided.events);
      return decided;
    });
    if (change.events.length > 0) this.dispatcher?.nudge();
    // after the commit: what this instance remembers is stale, and dashboards hear of the change
    if (change.telegramUserId !== null) this.sharing.bindingChanged(change.telegramUserId, change.touched);
    for (const id of change.touched) this.tracking.forget(id);
    let driver: DriverDto | null = null;
    for (const id of change.touched) {
      const published = this.drivers.publish(await this.drivers.entity(id));
      if (id === change.enrolment.driverId) driver = published;
    }
    const { driverId, ...rest } = change.enrolment;
    return { ...rest, driver: driver ?? (await this.drivers.get(driverId)) };
  }

  /** Within the transaction: the checks, then the binding. */
  private async decide(manager: EntityManager, token: string, identity: EnrolmentIdentity, now: Date): Promise<Change> {
    const link = await this.links.lockForRedemption(manager, token);
    if (!link) throw new LinkRedemptionError(LinkRedemptionFailure.Unknown);
    // a driver who left and erased their data is never brought back by an old link, by any channel
    if (await isErased(manager, link.redeemedDriverId ?? link.reservedDriverId)) {
      throw new LinkRedemptionError(LinkRedemptionFailure.Revoked);
    }
    if (link.redeemedAt) return this.reopen(manager, link, identity, now);
    if (link.revokedAt) throw new LinkRedemptionError(LinkRedemptionFailure.Revoked);
    if (link.expiresAt <= now) throw new LinkRedemptionError(LinkRedemptionFailure.Expired);
    return this.bindFirst(manager, link, identity, now);
  }

  /** The first redemption of a link. */
  private async bindFirst(manager: EntityManager, link: LinkEntity, identity: EnrolmentIdentity, now: Date): Promise<Change> {
    const drivers = manager.getRepository(DriverEntity);
    if (identity.channel === 'telegram') {
      // a Telegram user who already has a driver is re-bound (renamed), never duplicated
      const existing = await drivers.findOneBy({ telegramUserId: identity.telegram.userId });
      const driver = existing ?? drivers.create({ id: link.reservedDriverId });
      driver.name = link.driverName;
      const saved = await drivers.save(withTelegram(driver, identity.telegram));
      await this.links.markRedeemed(manager, link, saved.id, identity.telegram.userId);
      return {
        enrolment: { driverId: saved.id, outcome: 'bound', deviceKey: null },
        touched: [saved.id],
        telegramUserId: identity.telegram.userId,
        events: [driverJoined(saved, 'telegram', now)],
      };
    }
    const driver = await drivers.save(drivers.create({ id: link.reservedDriverId, name: link.driverName, channel: identity.channel }));
    const deviceKey = await this.devices.issue(manager, driver.id, identity.channel);
    await this.links.markRedeemed(manager, link, driver.id, null);
    return {
      enrolment: { driverId: driver.id, outcome: 'bound', deviceKey },
      touched: [driver.id],
      telegramUserId: null,
      events: [driverJoined(driver, identity.channel, now)],
    };
  }

  /** A used link: only the identity that redeemed it may open it again. */
  private async reopen(manager: EntityManager, link: LinkEntity, identity: EnrolmentIdentity, now: Date): Promise<Change> {
    const driverId = link.redeemedDriverId as string;
    if (identity.channel !== 'telegram') {
      const holder = await this.devices.authenticate(identity.deviceKey);
      if (holder && holder.driverId === driverId) {
        return { enrolment: { driverId, outcome: 'unchanged', deviceKey: identity.deviceKey }, touched: [], telegramUserId: null, events: [] };
      }
      throw new LinkRedemptionError(link.revokedAt ? LinkRedemptionFailure.Revoked : LinkRedemptionFailure.AlreadyUsed);
    }

    const { userId } = identity.telegram;
    if (link.redeemedTelegramUserId !== String(userId)) {
      throw new LinkRedemptionError(link.revokedAt ? LinkRedemptionFailure.Revoked : LinkRedemptionFailure.AlreadyUsed);
    }
    const drivers = manager.getRepository(DriverEntity);
    const current = await drivers.findOneBy({ telegramUserId: userId });
    // still bound to this link's driver: a retry, nothing changes
    if (current && current.id === driverId) {
      return { enrolment: { driverId, outcome: 'unchanged', deviceKey: null }, touched: [], telegramUserId: null, events: [] };
    }
    // after /stop (or another link): the same driver resumes while the link is valid
    if (link.revokedAt) throw new LinkRedemptionError(LinkRedemptionFailure.Revoked);
    if (link.expiresAt <= now) throw new LinkRedemptionError(LinkRedemptionFailure.Expired);
    const driver = await drivers.findOneBy({ id: driverId });
    if (!driver || driver.erasedAt !== null || (driver.telegramUserId !== null && driver.telegramUserId !== userId)) {
      throw new LinkRedemptionError(LinkRedemptionFailure.Revoked); // its driver was deleted, erased (or taken)
    }
    const touched = [driverId];
    const events: NewConvoyEvent[] = [];
    if (current) {
      if (current.sharingEndedAt === null && current.sharingSince !== null) events.push(sharingEnded(current, 'stopped', now));
      // the driver they are bound to now is released: sharing ends there, its history stays
      await drivers.update(
        { id: current.id },
        { telegramUserId: null, telegramChatId: null, channel: null, ...sessionEnded(now, current.sharingEndedAt) },
      );
      touched.push(current.id);
    }
    const resumed = await drivers.save(withTelegram(driver, identity.telegram));
    events.push(driverJoined(resumed, 'telegram', now));
    return { enrolment: { driverId, outcome: 'resumed', deviceKey: null }, touched, telegramUserId: userId, events };
  }
}

/** The driver exists and its data was erased (the entry stays, without personal data). */
async function isErased(manager: EntityManager, driverId: string): Promise<boolean> {
  return manager.getRepository(DriverEntity).exists({ where: { id: driverId, erasedAt: Not(IsNull()) } });
}

function withTelegram(driver: DriverEntity, identity: TelegramIdentity): DriverEntity {
  driver.telegramUserId = identity.userId;
  driver.telegramChatId = identity.chatId;
  driver.telegramUsername = identity.username;
  driver.telegramFirstName = identity.firstName;
  driver.telegramLastName = identity.lastName;
  driver.languageCode = identity.languageCode;
  driver.channel = 'telegram';
  return driver;
}

/** The session fields of a driver whose sharing ends at `now` (kept when it had already ended). */
function sessionEnded(now: Date, endedAt: Date | null): Partial<DriverEntity> {
  return endedAt ? {} : { sharingEndedAt: now, liveUntil: null, liveMessageId: null, sharingSince: null };
}
