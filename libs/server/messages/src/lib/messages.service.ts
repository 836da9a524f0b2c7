import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DriverChannel, MessageDto, MessageThreadDto, SendMessageRequest, SessionUser } from '@convoy/contracts';
import { appendEvents, EventDispatcher } from '@convoy/server/events';
import { DriverEntity, DriversService, driverNotFound } from '@convoy/server/tracking';
import { Subject } from 'rxjs';
import { type DataSource, type EntityManager, In, IsNull, LessThan } from 'typeorm';
import { MessageTransports } from './delivery/message-transports';
import { MessageEntity } from './entities/message.entity';
import { senderDisplayName, toMessageDto } from './message-mapper';
import { driverCannotReceive, messageNotFound, quickReplyUnknown } from './messages.errors';

export const THREAD_DEFAULT_LIMIT = 50;
export const THREAD_MAX_LIMIT = 200;

/** A driver's reply as a channel hands it over. */
export interface IncomingReply {
  channel: DriverChannel;
  /** Typed text; for a button tap, its label. */
  text: string;
  /** A tap: the message whose button it was and the option's index there. */
  tap?: { messageId: string; option: number };
  /** Telegram's message id (a redelivered update is stored once). */
  telegramMessageId?: number;
}

/** What became of a reply: stored, a duplicate of one stored before, or a tap that no longer applies. */
export type ReplyOutcome =
  | { kind: 'stored'; reply: MessageDto; answered: MessageDto | null }
  | { kind: 'duplicate' }
  | { kind: 'not-bound' }
  | { kind: 'already-answered'; answer: string | null }
  | { kind: 'unknown-option' };

/**
 * Messages between dispatchers and a driver. Every write locks the driver's row first, so the unread
 * count stored on it is recounted consistently; events go to the outbox in the same transaction.
 * `changes$` carries every new or changed message (the live gateway emits `messages`), `queued$`
 * wakes this replica's delivery worker.
 */
@Injectable()
export class MessagesService {
  private readonly logger = new Logger(MessagesService.name);
  readonly changes$ = new Subject<MessageDto[]>();
  readonly queued$ = new Subject<void>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drivers: DriversService,
    private readonly transports: MessageTransports,
    private readonly dispatcher: EventDispatcher,
  ) {}

  /** Why this driver cannot get a message now, or null when they can. */
  cannotReceiveReason(driver: DriverEntity): string | null {
    if (driver.erasedAt) return 'The driver’s data was erased: there is no one to write to';
    switch (driver.channel) {
      case 'app':
        return 'The driver shares through a GPS app, which cannot show messages';
      case 'browser':
        return null;
      case 'telegram':
        if (driver.telegramChatId === null) return 'The driver is no longer connected to the Telegram bot';
        return this.transports.telegram ? null : 'The Telegram bot is not configured (TELEGRAM_BOT_TOKEN), so messages cannot be sent';
      default:
        return 'The driver is not connected (no Telegram chat, join page or app): there is nowhere to send a message';
    }
  }

  async thread(driverId: string, before?: Date, limit = THREAD_DEFAULT_LIMIT): Promise<MessageThreadDto> {
    const driver = await this.drivers.entity(driverId);
    const rows = await this.dataSource.getRepository(MessageEntity).find({
      where: { driverId, ...(before ? { createdAt: LessThan(before) } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: Math.min(Math.max(limit, 1), THREAD_MAX_LIMIT),
    });
    return {
      driverId,
      canReceive: this.cannotReceiveReason(driver) === null,
      messages: rows.reverse().map(toMessageDto),
      unread: driver.unreadMessages,
    };
  }

  /** A dispatcher's message: committed as `sent` first; the channel delivers it after (worker or join page). */
  async send(driverId: string, request: SendMessageRequest, sender: SessionUser): Promise<MessageDto> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const driver = await this.lockDriver(manager, driverId);
      const why = this.cannotReceiveReason(driver);
      if (why) throw driverCannotReceive(why);
      const repository = manager.getRepository(MessageEntity);
      return repository.save(
        repository.create({
          driverId,
          direction: 'to-driver',
          channel: driver.channel as DriverChannel,
          text: request.text.trim(),
          quickReplies: normaliseQuickReplies(request.quickReplies),
          status: 'sent',
          sentByUserId: sender.id,
          sentByName: senderDisplayName(sender.email),
          nextAttemptAt: driver.channel === 'telegram' ? new Date() : null,
        }),
      );
    });
    const dto = toMessageDto(saved);
    this.changes$.next([dto]);
    if (saved.channel === 'telegram') this.queued$.next();
    return dto;
  }

  /** Marks every unread reply of the driver read: the unread count drops to 0 for every dispatcher. */
  async markRead(driverId: string): Promise<number> {
    const { read, driver } = await this.dataSource.transaction(async (manager) => {
      await this.lockDriver(manager, driverId);
      const unread = await manager.find(MessageEntity, { where: { driverId, direction: 'from-driver', readAt: IsNull() }, select: { id: true } });
      const ids = unread.map((row) => row.id);
      if (ids.length > 0) await manager.update(MessageEntity, { id: In(ids) }, { readAt: new Date() });
      const changed = ids.length > 0 ? await manager.findBy(MessageEntity, { id: In(ids) }) : [];
      return { read: changed, driver: await this.drivers.setUnreadMessagesWithin(manager, driverId, 0) };
    });
    if (read.length > 0) this.changes$.next(read.map(toMessageDto));
    this.drivers.publish(await this.drivers.entity(driver.id)); // with its current place, as every upsert
    return read.length;
  }

  /**
   * A driver's reply (typed text, or a tap on one of a message's buttons): stored as `from-driver`,
   * `message.received` in the outbox in the same transaction, the unread count recounted. A message
   * takes one answer: a second tap is `already-answered`.
   */
  async receive(driverId: string, reply: IncomingReply): Promise<ReplyOutcome> {
    const result = await this.dataSource.transaction(async (manager): Promise<ReplyOutcome | { kind: 'stored-rows'; reply: MessageEntity; answered: MessageEntity | null; driver: DriverEntity }> => {
      const driver = await manager.findOne(DriverEntity, { where: { id: driverId }, lock: { mode: 'for_no_key_update' } });
      if (!driver || driver.erasedAt) return { kind: 'not-bound' };
      let answered: MessageEntity | null = null;
      let text = reply.text.trim().slice(0, 1000);
      let quickReply: string | null = null;
      if (reply.tap) {
        answered = await manager.findOne(MessageEntity, { where: { id: reply.tap.messageId, driverId, direction: 'to-driver' }, lock: { mode: 'pessimistic_write' } });
        const label = answered?.quickReplies[reply.tap.option];
        if (!answered || label === undefined) return { kind: 'unknown-option' };
        if (answered.quickReply !== null) return { kind: 'already-answered', answer: answered.quickReply };
        answered.quickReply = label;
        await manager.update(MessageEntity, { id: answered.id }, { quickReply: label });
        text = label;
        quickReply = label;
      }
      if (!text) return { kind: 'unknown-option' };
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO messages (driver_id, direction, channel, text, quick_reply, status, telegram_message_id)
         VALUES ($1, 'from-driver', $2, $3, $4, 'received', $5)
         ON CONFLICT (driver_id, telegram_message_id) WHERE direction = 'from-driver' AND telegram_message_id IS NOT NULL DO NOTHING
         RETURNING id`,
        [driverId, reply.channel, text, quickReply, reply.telegramMessageId ?? null],
      );
      if (inserted.length === 0) return { kind: 'duplicate' };
      const stored = (await manager.findOneBy(MessageEntity, { id: inserted[0].id })) as MessageEntity;
      const unread = await manager.countBy(MessageEntity, { driverId, direction: 'from-driver', readAt: IsNull() });
      const updated = await this.drivers.setUnreadMessagesWithin(manager, driverId, unread);
      await appendEvents(manager, [
        {
          type: 'message.received',
          driverId,
          occurredAt: stored.createdAt,
          data: { driver: { id: driverId, name: driver.name }, messageId: stored.id, text, quickReply },
        },
      ]);
      return { kind: 'stored-rows', reply: stored, answered, driver: updated };
    });
    if (result.kind !== 'stored-rows') return result;
    const dto = toMessageDto(result.reply);
    const answered = result.answered ? toMessageDto(result.answered) : null;
    this.changes$.next(answered ? [answered, dto] : [dto]);
    this.drivers.publish(await this.drivers.entity(result.driver.id)); // with its current place, as every upsert
    this.dispatcher.nudge();
    this.logger.debug(`Reply ${dto.id} from driver ${driverId}`);
    return { kind: 'stored', reply: dto, answered };
  }

  /** The Telegram frame needs the message as stored (re-drawn when a button is tapped). */
  async findForDriver(driverId: string, messageId: string): Promise<MessageEntity | null> {
    return this.dataSource.getRepository(MessageEntity).findOneBy({ id: messageId, driverId });
  }

  /** The join page fetched the thread: what was waiting for it is now `delivered` (+ `message.delivered`). */
  async threadForDevice(driverId: string): Promise<MessageDto[]> {
    const delivered = await this.dataSource.transaction(async (manager) => {
      const driver = await this.lockDriver(manager, driverId);
      const waiting = await manager.find(MessageEntity, { where: { driverId, direction: 'to-driver', status: 'sent', channel: 'browser' } });
      if (waiting.length === 0) return [];
      const now = new Date();
      await manager.update(MessageEntity, { id: In(waiting.map((m) => m.id)) }, { status: 'delivered', deliveredAt: now, nextAttemptAt: null });
      await appendEvents(
        manager,
        waiting.map((m) => ({
          type: 'message.delivered' as const,
          driverId,
          occurredAt: now,
          data: { driver: { id: driverId, name: driver.name }, messageId: m.id, text: m.text, sentBy: toMessageDto(m).sentBy },
        })),
      );
      return waiting.map((m) => Object.assign(m, { status: 'delivered' as const, deliveredAt: now }));
    });
    if (delivered.length > 0) {
      this.changes$.next(delivered.map(toMessageDto));
      this.dispatcher.nudge();
    }
    return (await this.thread(driverId)).messages;
  }

  /** A tap on the join page: the message must be the driver's own. */
  async tapFromDevice(driverId: string, messageId: string, option: number): Promise<MessageDto> {
    const message = await this.findForDriver(driverId, messageId);
    if (!message || message.direction !== 'to-driver') throw messageNotFound();
    const label = message.quickReplies[option];
    if (label === undefined) throw quickReplyUnknown();
    const outcome = await this.receive(driverId, { channel: 'browser', text: label, tap: { messageId, option } });
    if (outcome.kind !== 'stored') throw quickReplyUnknown();
    return outcome.reply;
  }

  /** Within an erasure's transaction: every message of the driver goes (both directions). */
  async eraseDriverWithin(manager: EntityManager, driverId: string): Promise<void> {
    await manager.delete(MessageEntity, { driverId });
  }

  /** Announces rows changed elsewhere in this lib (the delivery worker). */
  announce(rows: MessageEntity[]): void {
    if (rows.length > 0) this.changes$.next(rows.map(toMessageDto));
  }

  private async lockDriver(manager: EntityManager, driverId: string): Promise<DriverEntity> {
    const driver = await manager.findOne(DriverEntity, { where: { id: driverId }, lock: { mode: 'for_no_key_update' } });
    if (!driver) throw driverNotFound();
    return driver;
  }
}

/** Trimmed, empty ones dropped, duplicates removed (the DTO already bounded count and length). */
export function normaliseQuickReplies(quickReplies: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const raw of quickReplies ?? []) {
    const label = raw.trim();
    if (label) seen.add(label);
  }
  return [...seen];
}
