import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import type { DriverDto } from '@convoy/contracts';
import { Subject } from 'rxjs';
import { IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import { DriverEntity } from './entities/driver.entity';
import { DriversService } from './drivers.service';
import { TelegramBindings, type TelegramDriverRef } from './telegram-bindings';
import { TrackingService } from './tracking.service';

/** Telegram's "indefinite" live_period. */
export const LIVE_PERIOD_INDEFINITE = 0x7fffffff;

export interface TelegramIdentity {
  userId: number;
  chatId: number;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  languageCode: string | null;
}

/**
 * The driver side of tracking: who a Telegram user is, and whether they are sharing. The bot calls
 * this; managers' views come from DriversService.
 */
@Injectable()
export class SharingService {
  private readonly logger = new Logger(SharingService.name);
  /** Drivers whose live location ran out on the server clock (no final update from Telegram). */
  readonly expired$ = new Subject<DriverEntity>();

  constructor(
    @InjectRepository(DriverEntity) private readonly drivers: Repository<DriverEntity>,
    private readonly driversService: DriversService,
    private readonly tracking: TrackingService,
    private readonly bindings: TelegramBindings,
  ) {}

  /** The driver bound to a Telegram user, read from Postgres (and remembered for live edits). */
  async findByTelegramUser(userId: number): Promise<DriverEntity | null> {
    const loadedAt = this.bindings.beginLoad();
    const driver = await this.drivers.findOneBy({ telegramUserId: userId });
    if (driver) this.bindings.set(toRef(driver, userId), loadedAt);
    return driver;
  }

  /**
   * The hot path: the driver of a Telegram user from memory, but only while `messageId` is the live
   * location being followed and the session is open — anything else (a new session, a final edit,
   * an expired period) goes to Postgres through findByTelegramUser. Positions written with the
   * Telegram user id are still checked against the binding in Postgres (see PositionWriter): a
   * write answering `unknown-driver` means the binding changed elsewhere; call forgetTelegramUser.
   */
  cachedLiveDriver(userId: number, messageId: number, now = new Date()): TelegramDriverRef | null {
    const ref = this.bindings.get(userId);
    if (!ref || ref.liveMessageId !== messageId || ref.sharingEndedAt !== null) return null;
    if (ref.liveUntil !== null && ref.liveUntil <= now) return null;
    return ref;
  }

  /** What this instance remembers about the Telegram user is stale (their position was refused). */
  forgetTelegramUser(userId: number): void {
    this.bindings.invalidateUser(userId);
  }

  /**
   * Binds a Telegram user to a driver: the user's existing driver is re-bound (renamed to the link's
   * name), never duplicated; otherwise a new driver is created.
   */
  async bindTelegramUser(name: string, identity: TelegramIdentity): Promise<{ driver: DriverDto; created: boolean }> {
    const existing = await this.findByTelegramUser(identity.userId);
    const driver = existing ?? this.drivers.create({ name });
    driver.name = name;
    return { driver: await this.saveBinding(driver, identity), created: !existing };
  }

  /**
   * A driver reopening the link that created their driver after `/stop` (or after opening another
   * link): that driver is theirs again, history kept — never a second driver of the same name. Any
   * other driver they are bound to is released first. null when the driver was deleted or belongs to
   * someone else, or was erased (a driver who left is not brought back by an old link).
   */
  async rebindDriver(driverId: string, identity: TelegramIdentity): Promise<DriverDto | null> {
    const driver = await this.drivers.findOneBy({ id: driverId });
    if (!driver || driver.erasedAt !== null || (driver.telegramUserId !== null && driver.telegramUserId !== identity.userId)) return null;
    const current = await this.findByTelegramUser(identity.userId);
    if (current && current.id !== driver.id) {
      await this.endSharing(current.id, new Date());
      await this.unbind(current.id);
    }
    return this.saveBinding(driver, identity);
  }

  private async saveBinding(driver: DriverEntity, identity: TelegramIdentity): Promise<DriverDto> {
    driver.telegramUserId = identity.userId;
    driver.telegramChatId = identity.chatId;
    driver.telegramUsername = identity.username;
    driver.telegramFirstName = identity.firstName;
    driver.telegramLastName = identity.lastName;
    driver.languageCode = identity.languageCode;
    const saved = await this.drivers.save(driver);
    this.bindings.invalidateUser(identity.userId);
    this.bindings.invalidateDriver(saved.id);
    return this.driversService.publish(saved);
  }

  /** A Telegram live location began (or an edit of one we never saw arrived). */
  async startLiveSharing(driverId: string, messageId: number, startedAt: Date, livePeriodSeconds: number): Promise<void> {
    const liveUntil =
      livePeriodSeconds >= LIVE_PERIOD_INDEFINITE ? null : new Date(startedAt.getTime() + livePeriodSeconds * 1000);
    const driver = await this.driversService.entity(driverId);
    const sameSession = driver.liveMessageId === messageId && driver.sharingEndedAt === null;
    driver.liveMessageId = messageId;
    driver.liveUntil = liveUntil;
    driver.sharingSince = sameSession && driver.sharingSince ? driver.sharingSince : startedAt;
    driver.sharingEndedAt = null;
    await this.drivers.update(
      { id: driverId },
      { liveMessageId: messageId, liveUntil, sharingSince: driver.sharingSince, sharingEndedAt: null },
    );
    this.bindings.invalidateDriver(driverId);
    if (!sameSession) this.driversService.publish(driver);
  }

  /** A one-off location: the driver is checking in, not streaming. */
  async recordCheckIn(driverId: string, at: Date): Promise<void> {
    const driver = await this.driversService.entity(driverId);
    if (driver.sharingEndedAt !== null || driver.sharingSince === null) {
      await this.drivers.update({ id: driverId }, { sharingEndedAt: null, sharingSince: driver.sharingSince ?? at });
      this.bindings.invalidateDriver(driverId);
    }
  }

  /** Sharing stopped (final live edit, /stop, or expiry on the server's clock). Idempotent. */
  async endSharing(driverId: string, at: Date): Promise<boolean> {
    const result = await this.drivers.update(
      { id: driverId, sharingEndedAt: IsNull() },
      { sharingEndedAt: at, liveUntil: null, liveMessageId: null, sharingSince: null },
    );
    // also when another replica ended it first: what this one remembers is stale either way
    this.bindings.invalidateDriver(driverId);
    if (!result.affected) return false;
    this.driversService.publish(await this.driversService.entity(driverId));
    return true;
  }

  /** Forgets the driver's Telegram binding (/stop keeps their history unless they delete it). */
  async unbind(driverId: string): Promise<void> {
    await this.drivers.update({ id: driverId }, { telegramUserId: null, telegramChatId: null });
    this.bindings.invalidateDriver(driverId);
    this.tracking.forget(driverId);
  }

  /** Live locations whose live_period ran out with no final update end on the server's own clock. */
  @Interval('expire-live-locations', 15_000)
  async expireLiveSessions(now = new Date()): Promise<number> {
    const expired = await this.drivers.find({
      where: { liveUntil: LessThanOrEqual(now), sharingEndedAt: IsNull(), sharingSince: Not(IsNull()) },
    });
    for (const driver of expired) {
      if (await this.endSharing(driver.id, driver.liveUntil ?? now)) {
        this.logger.log(`Live location of driver ${driver.id} expired`);
        this.expired$.next(driver);
      }
    }
    return expired.length;
  }
}

function toRef(driver: DriverEntity, telegramUserId: number): TelegramDriverRef {
  return {
    id: driver.id,
    telegramUserId,
    liveMessageId: driver.liveMessageId,
    liveUntil: driver.liveUntil,
    sharingEndedAt: driver.sharingEndedAt,
  };
}
