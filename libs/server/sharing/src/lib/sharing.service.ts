import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import { DriverEntity, DriversService, TrackingService } from '@convoy/server/tracking';
import { TelegramBindings, type TelegramDriverRef } from './telegram-bindings';

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
 * Sharing sessions: who a Telegram user is, whether a driver is sharing (Telegram live locations and
 * check-ins, the browser page), and their end (final edit, /stop, the page's Stop, expiry). The bot
 * and the driver routes call this; managers' views come from DriversService.
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
  ) {
    // a deleted driver's Telegram user must not be served from memory (synchronous: before remove() returns)
    driversService.changes$.subscribe((change) => {
      if (change.type === 'deleted') this.bindings.invalidateDriver(change.driverId);
    });
  }

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

  /** A redemption committed (EnrolmentService): what this instance remembers of the user and drivers is stale. */
  bindingChanged(telegramUserId: number, driverIds: string[]): void {
    this.bindings.invalidateUser(telegramUserId);
    for (const id of driverIds) this.bindings.invalidateDriver(id);
  }

  /** Drivers' Telegram identities were cleared (erasure, retention): forget them and their users. */
  identitiesCleared(drivers: Array<{ driverId: string; formerTelegramUserId: number | null }>): void {
    for (const { driverId, formerTelegramUserId } of drivers) {
      this.bindings.invalidateDriver(driverId);
      if (formerTelegramUserId !== null) this.bindings.invalidateUser(formerTelegramUserId);
    }
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

  /**
   * A one-off location (Telegram), or a point from the browser page: the driver is sharing (again).
   * GPS apps have no session: they go stale and offline by the status rule alone.
   */
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
    await this.drivers.update({ id: driverId }, { telegramUserId: null, telegramChatId: null, channel: null });
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
