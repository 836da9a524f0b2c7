import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ERASED_DRIVER_NAME, liveWithinMs, type CurrentPlaceDto, type DriverChange, type DriverDto, type DriverErasedBy } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { Subject } from 'rxjs';
import { type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
import { toDriverDto } from './driver-mapper';
import { DriverEntity } from './entities/driver.entity';
import { PositionEntity } from './entities/position.entity';
import { driverErased, driverNotFound } from './tracking.errors';
import { TrackingService } from './tracking.service';

/** Drivers as managers see them: list, read, rename, delete; every change goes to `changes$`. */
@Injectable()
export class DriversService {
  readonly changes$ = new Subject<DriverChange>();

  constructor(
    @InjectRepository(DriverEntity) private readonly drivers: Repository<DriverEntity>,
    private readonly tracking: TrackingService,
    private readonly config: AppConfig,
  ) {}

  async list(): Promise<DriverDto[]> {
    const rows = await this.withCurrentPlace(this.query().orderBy('d.name', 'ASC').addOrderBy('d.created_at', 'ASC'));
    const now = new Date();
    return rows.map((row) => this.toDto(row, now));
  }

  /** The driver, or null when there is none with this id. */
  async find(id: string): Promise<DriverDto | null> {
    const [driver] = await this.withCurrentPlace(this.query().where('d.id = :id', { id }));
    return driver ? this.toDto(driver, new Date()) : null;
  }

  async get(id: string): Promise<DriverDto> {
    return this.toDto(await this.entity(id), new Date());
  }

  async rename(id: string, name: string): Promise<DriverDto> {
    const driver = await this.entity(id);
    if (driver.erasedAt) throw driverErased(); // the entry carries no personal data, a name included
    driver.name = name.trim();
    await this.drivers.update({ id }, { name: driver.name });
    return this.publish(driver);
  }

  /** Deletes the driver and, by cascade, every position: drivers own their data. */
  async remove(id: string): Promise<void> {
    const result = await this.drivers.delete({ id });
    if (!result.affected) throw driverNotFound();
    this.tracking.forget(id);
    this.changes$.next({ type: 'deleted', driverId: id });
  }

  /**
   * Erases a driver's personal data inside the caller's transaction: every position, the Telegram
   * identity (ids, username, names, language), the name, the latest position and the sharing state.
   * The row stays, marked erased, as what the dispatcher sees. The row lock makes a position batch
   * racing this wait and then find the driver erased (see PositionWriter). Call `announceErased`
   * after the commit. 404 for an unknown driver; an already erased one is erased again (idempotent).
   */
  async eraseWithin(manager: EntityManager, id: string, by: DriverErasedBy, at: Date): Promise<DriverEntity> {
    const driver = await manager.findOne(DriverEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!driver) throw driverNotFound();
    await manager.delete(PositionEntity, { driverId: id });
    const erased: Partial<DriverEntity> = {
      name: ERASED_DRIVER_NAME,
      telegramUserId: null,
      telegramChatId: null,
      telegramUsername: null,
      telegramFirstName: null,
      telegramLastName: null,
      languageCode: null,
      sharingSince: null,
      liveUntil: null,
      liveMessageId: null,
      sharingEndedAt: null, // not "sharing ended" either: an erased entry is no one's state
      lastLatitude: null,
      lastLongitude: null,
      lastAccuracy: null,
      lastHeading: null,
      lastSpeed: null,
      lastBattery: null,
      lastAltitude: null,
      channel: null,
      lastRecordedAt: null,
      lastSource: null,
      unreadMessages: 0, // the messages go with the rest (messages lib, same transaction)
      erasedAt: driver.erasedAt ?? at,
      erasedBy: driver.erasedBy ?? by,
    };
    await manager.update(DriverEntity, { id }, erased);
    return Object.assign(driver, erased);
  }

  /**
   * After an erasure committed: nothing in this lib's memory still knows the driver, dashboards see
   * the entry (the Telegram bindings are the sharing lib's: the caller drops them).
   */
  announceErased(driver: DriverEntity): DriverDto {
    this.tracking.forget(driver.id);
    return this.publish(driver);
  }

  /**
   * Retention: forgets the Telegram identity of drivers quiet since `cutoff` (no position, sharing
   * change or joining after it). Name and history stay (positions age out on their own); the driver
   * must open a new link to be tracked again. Returns the drivers changed with the Telegram user each
   * was bound to (the caller drops the sharing lib's cached bindings).
   */
  async forgetQuietTelegramIdentities(cutoff: Date): Promise<Array<{ driverId: string; formerTelegramUserId: number | null }>> {
    // an UPDATE answers [rows, count]
    const [changed]: [Array<{ id: string; telegram_user_id: string | null }>, number] = await this.drivers.query(
      `WITH quiet AS (
         SELECT id, telegram_user_id FROM drivers
          WHERE (telegram_user_id IS NOT NULL OR telegram_chat_id IS NOT NULL OR telegram_username IS NOT NULL
                 OR telegram_first_name IS NOT NULL OR telegram_last_name IS NOT NULL OR language_code IS NOT NULL)
            AND greatest(created_at, last_recorded_at, sharing_since, sharing_ended_at) < $1
          FOR UPDATE
       )
       UPDATE drivers d
          SET telegram_user_id = NULL, telegram_chat_id = NULL, telegram_username = NULL, telegram_first_name = NULL,
              telegram_last_name = NULL, language_code = NULL, sharing_since = NULL, live_until = NULL, live_message_id = NULL,
              channel = CASE WHEN d.channel = 'telegram' THEN NULL ELSE d.channel END
         FROM quiet q WHERE d.id = q.id
       RETURNING d.id, q.telegram_user_id`,
      [cutoff],
    );
    for (const row of changed) this.tracking.forget(row.id);
    for (const row of changed) this.publish(await this.entity(row.id));
    return changed.map((row) => ({
      driverId: row.id,
      formerTelegramUserId: row.telegram_user_id === null ? null : Number(row.telegram_user_id),
    }));
  }

  /** The demo fleet's drivers ("Demo 01" …), created when missing; returns `count` of them in order. */
  async ensureDemoDrivers(count: number): Promise<DriverEntity[]> {
    const names = Array.from({ length: count }, (_, i) => `Demo ${String(i + 1).padStart(2, '0')}`);
    const existing = await this.withCurrentPlace(this.query().where('d.demo'));
    const byName = new Map(existing.map((driver) => [driver.name, driver]));
    const missing = names.filter((name) => !byName.has(name)).map((name) => this.drivers.create({ name, demo: true }));
    for (const created of await this.drivers.save(missing)) {
      byName.set(created.name, created);
      this.publish(created);
    }
    return names.map((name) => byName.get(name) as DriverEntity);
  }

  /**
   * Within the messages lib's transaction (which holds the driver's row lock): the number of the
   * driver's replies no dispatcher has read. Returns the driver as it now is, for `publish` after commit.
   */
  async setUnreadMessagesWithin(manager: EntityManager, id: string, count: number): Promise<DriverEntity> {
    await manager.update(DriverEntity, { id }, { unreadMessages: count });
    const driver = await manager.findOneBy(DriverEntity, { id });
    if (!driver) throw driverNotFound();
    return driver;
  }

  /** The row with its current place (what `publish` announces). */
  async entity(id: string): Promise<DriverEntity> {
    const [driver] = await this.withCurrentPlace(this.query().where('d.id = :id', { id }));
    if (!driver) throw driverNotFound();
    return driver;
  }

  /**
   * Reads these drivers afresh (one query, with their current places) and announces each to live
   * dashboards: for a change made elsewhere (a visit, a place renamed, unread replies aged out). A
   * driver deleted meanwhile is left out.
   */
  async republish(ids: Iterable<string>): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    for (const driver of await this.withCurrentPlace(this.query().where('d.id IN (:...ids)', { ids: unique }))) this.publish(driver);
  }

  /** Announces the driver's current state to live dashboards and returns it. */
  publish(driver: DriverEntity): DriverDto {
    const dto = this.toDto(driver, new Date());
    this.changes$.next({ type: 'upsert', driver: dto });
    return dto;
  }

  toDto(driver: DriverEntity, now: Date): DriverDto {
    return toDriverDto(driver, now, liveWithinMs(this.config.tracking.autoTrackIntervalSeconds));
  }

  private query(): SelectQueryBuilder<DriverEntity> {
    return this.drivers.createQueryBuilder('d');
  }

  /** Runs the query with each driver's open visit as a correlated subquery: still one statement for a list. */
  private async withCurrentPlace(query: SelectQueryBuilder<DriverEntity>): Promise<DriverEntity[]> {
    const { entities, raw } = await query.addSelect(CURRENT_PLACE_SQL, 'd_current_place').getRawAndEntities<RawCurrentPlace>();
    const byId = new Map(raw.map((row) => [row.d_id, row.d_current_place]));
    for (const driver of entities) {
      const place = byId.get(driver.id);
      driver.currentPlace = place ? { id: place.id, name: place.name, since: new Date(place.since).toISOString() } : null;
    }
    return entities;
  }
}

interface RawCurrentPlace {
  d_id: string;
  d_current_place: CurrentPlaceDto | null;
}

/**
 * `DriverDto.currentPlace`: the newest open visit, read from the places lib's `visits` and `places`
 * tables by SQL (tracking must not import places, which depends on it; see docs "Places and visits").
 * `visits_open_idx` (driver_id WHERE departed_at IS NULL) makes it one index probe per driver.
 */
const CURRENT_PLACE_SQL = `(
  SELECT json_build_object('id', p.id, 'name', p.name, 'since', v.arrived_at)
    FROM visits v JOIN places p ON p.id = v.place_id
   WHERE v.driver_id = d.id AND v.departed_at IS NULL
   ORDER BY v.arrived_at DESC
   LIMIT 1
)`;
