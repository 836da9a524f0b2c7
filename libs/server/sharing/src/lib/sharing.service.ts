import { Injectable, Logger, Optional } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { type DataSource, type EntityManager, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import { isSharingAt, type DriverChannel, type NewConvoyEvent, type SharingEndReason } from '@convoy/contracts';
import { appendEvents, EventDispatcher } from '@convoy/server/events';
import { DriverEntity, DriversService, TrackingService } from '@convoy/server/tracking';
import { sharingEnded, sharingStarted } from './events/sharing-events';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly dispatcher: EventDispatcher | null = null,
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

  /**
   * A Telegram live location began (or an edit of one we never saw arrived). Not sharing before →
   * `driver.sharing_started` in the same transaction (a session whose live period ran out unnoticed
   * is ended first, `expired`); another live message while sharing is the same sharing.
   */
  async startLiveSharing(driverId: string, messageId: number, startedAt: Date, livePeriodSeconds: number): Promise<void> {
    const liveUntil =
      livePeriodSeconds >= LIVE_PERIOD_INDEFINITE ? null : new Date(startedAt.getTime() + livePeriodSeconds * 1000);
    const now = new Date();
    const changed = await this.transition(driverId, (driver) => {
      const sameSession = driver.liveMessageId === messageId && driver.sharingEndedAt === null;
      const events: NewConvoyEvent[] = [];
      if (!isSharing(driver, now)) {
        if (driver.sharingSince !== null && driver.sharingEndedAt === null) events.push(sharingEnded(driver, 'expired', driver.liveUntil ?? now));
        events.push(sharingStarted(driver, 'telegram', liveUntil, startedAt));
      }
      const change: Partial<DriverEntity> = {
        liveMessageId: messageId,
        liveUntil,
        sharingSince: sameSession && driver.sharingSince ? driver.sharingSince : startedAt,
        sharingEndedAt: null,
      };
      return { change, events, publish: !sameSession };
    });
    if (!changed) await this.driversService.entity(driverId); // 404 as before for an unknown driver
  }

  /**
   * A one-off location (Telegram), or a point from the browser page: the driver is sharing (again),
   * with `driver.sharing_started` when they were not. GPS apps have no session: they go stale and
   * offline by the status rule alone.
   */
  async recordCheckIn(driverId: string, at: Date, channel: DriverChannel = 'telegram'): Promise<void> {
    const driver = await this.driversService.entity(driverId);
    if (driver.sharingEndedAt === null && driver.sharingSince !== null) return; // sharing already: no write
    await this.transition(driverId, (locked) => {
      if (locked.sharingEndedAt === null && locked.sharingSince !== null) return null; // another request won
      const change: Partial<DriverEntity> = { sharingEndedAt: null, sharingSince: locked.sharingSince ?? at };
      return { change, events: [sharingStarted(locked, channel, null, at)], publish: false };
    });
  }

  /**
   * Sharing stopped (final live edit, /stop, the page's Stop, a disconnected device, or expiry on the
   * server's clock), with `driver.sharing_ended` in the same transaction. Idempotent: the row is
   * locked and only the call that finds the session open ends it, so replicas racing on one expiry
   * write one event. A driver who was not sharing is marked ended without an event. `stillDue`: a
   * condition re-checked on the locked row (expiry: the live period has still run out).
   */
  async endSharing(driverId: string, at: Date, reason: SharingEndReason = 'stopped', stillDue?: (driver: DriverEntity) => boolean): Promise<boolean> {
    const ended = await this.transition(driverId, (driver) => {
      if (driver.sharingEndedAt !== null || (stillDue && !stillDue(driver))) return null;
      const events = driver.sharingSince !== null ? [sharingEnded(driver, reason, at)] : [];
      const change: Partial<DriverEntity> = { sharingEndedAt: at, liveUntil: null, liveMessageId: null, sharingSince: null };
      return { change, events, publish: true };
    });
    // also when another replica ended it first: what this one remembers is stale either way
    this.bindings.invalidateDriver(driverId);
    return ended;
  }

  /** Forgets the driver's Telegram binding (/stop keeps their history unless they delete it). */
  async unbind(driverId: string): Promise<void> {
    await this.drivers.update({ id: driverId }, { telegramUserId: null, telegramChatId: null, channel: null });
    this.bindings.invalidateDriver(driverId);
    this.tracking.forget(driverId);
  }

  /**
   * One change of a driver's sharing state: the row is locked, `decide` sees it as it is and returns
   * the columns to write and the events that say so (or null: nothing to change), both committed in
   * one transaction. Afterwards this instance's memory is dropped, dashboards hear of it (`publish`)
   * and the dispatcher is nudged. False when the driver does not exist or nothing changed.
   */
  private async transition(
    driverId: string,
    decide: (driver: DriverEntity) => { change: Partial<DriverEntity>; events: NewConvoyEvent[]; publish: boolean } | null,
  ): Promise<boolean> {
    const outcome = await this.dataSource.transaction(async (manager: EntityManager) => {
      const repository = manager.getRepository(DriverEntity);
      const driver = await repository.findOne({ where: { id: driverId }, lock: { mode: 'pessimistic_write' } });
      if (!driver) return null;
      const decided = decide(driver);
      if (!decided) return null;
      await repository.update({ id: driverId }, decided.change);
      const appended = await appendEvents(manager, decided.events);
      return { driver: Object.assign(driver, decided.change), publish: decided.publish, appended: appended.length };
    });
    if (!outcome) return false;
    this.bindings.invalidateDriver(driverId);
    if (outcome.appended > 0) this.dispatcher?.nudge();
    if (outcome.publish) this.driversService.publish(outcome.driver);
    return true;
  }

  /** Live locations whose live_period ran out with no final update end on the server's own clock. */
  @Interval('expire-live-locations', 15_000)
  async expireLiveSessions(now = new Date()): Promise<number> {
    const expired = await this.drivers.find({
      where: { liveUntil: LessThanOrEqual(now), sharingEndedAt: IsNull(), sharingSince: Not(IsNull()) },
    });
    for (const driver of expired) {
      // re-checked under the row lock: a new live location started meanwhile (here or elsewhere) is not ended
      const stillExpired = (locked: DriverEntity) => locked.liveUntil !== null && locked.liveUntil <= now;
      if (await this.endSharing(driver.id, driver.liveUntil ?? now, 'expired', stillExpired)) {
        this.logger.log(`Live location of driver ${driver.id} expired`);
        this.expired$.next(driver);
      }
    }
    return expired.length;
  }
}

/** Whether the driver shares now, by the one rule (contracts' isSharingAt). */
function isSharing(driver: DriverEntity, now: Date): boolean {
  return isSharingAt(
    {
      sharingSinceMs: driver.sharingSince?.getTime() ?? null,
      sharingEndedAtMs: driver.sharingEndedAt?.getTime() ?? null,
      liveUntilMs: driver.liveUntil?.getTime() ?? null,
    },
    now.getTime(),
  );
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
