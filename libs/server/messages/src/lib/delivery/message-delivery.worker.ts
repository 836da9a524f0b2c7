import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendEvents, EventDispatcher } from '@convoy/server/events';
import type { Subscription } from 'rxjs';
import { type DataSource, In } from 'typeorm';
import { MessageEntity } from '../entities/message.entity';
import { toMessageDto } from '../message-mapper';
import { MessagesService } from '../messages.service';
import { MessageTransports, type OutgoingTelegramMessage, type SendOutcome } from './message-transports';
import { DELIVERY_LEASE_MS, nextAttemptDelayMs } from './retry-policy';

const CLAIM_BATCH = 20;
const POLL_MS = 1000;

interface ClaimedRow {
  id: string;
  attempts: number;
  text: string;
  quick_replies: string[];
  sent_by_name: string | null;
  telegram_chat_id: string | null;
  language_code: string | null;
  driver_channel: string | null;
  erased_at: Date | null;
}

/**
 * Sends dispatchers' messages to drivers' Telegram chats, on every replica. A worker claims due rows
 * with `FOR UPDATE SKIP LOCKED` and takes a lease (next_attempt_at moves a minute ahead, attempts + 1)
 * in one short statement, sends outside any transaction, then records the outcome: delivered (+
 * `message.delivered` in the same transaction), failed (blocked bot, chat gone — not retried), or a
 * retry with back-off (429 / 5xx / network) until MAX_DELIVERY_ATTEMPTS. A replica that dies mid-send
 * leaves the lease to expire and another one sends it (at least once).
 */
@Injectable()
export class MessageDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MessageDeliveryWorker.name);
  private poll: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private subscription: Subscription | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transports: MessageTransports,
    private readonly messages: MessagesService,
    private readonly dispatcher: EventDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.messages.queued$.subscribe(() => this.nudge());
    this.poll = setInterval(() => this.nudge(), POLL_MS);
    this.poll.unref();
    this.nudge();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.subscription?.unsubscribe();
    if (this.poll) clearInterval(this.poll);
    await this.running;
  }

  nudge(): void {
    if (this.stopped || !this.transports.telegram) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: Error) => this.logger.error(`Message delivery failed (the messages stay queued): ${error.message}`))
      .finally(() => {
        this.running = null;
      });
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        const claimed = await this.claim();
        await Promise.all(claimed.map((row) => this.deliver(row)));
        if (claimed.length < CLAIM_BATCH || this.stopped) break;
      }
    } while (this.again && !this.stopped);
  }

  private async claim(): Promise<ClaimedRow[]> {
    const [rows] = (await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM messages
          WHERE status = 'sent' AND channel = 'telegram' AND next_attempt_at <= now()
          ORDER BY next_attempt_at
          LIMIT ${CLAIM_BATCH}
          FOR UPDATE SKIP LOCKED
       )
       UPDATE messages m
          SET attempts = m.attempts + 1, next_attempt_at = now() + make_interval(secs => $1)
         FROM due, drivers d
        WHERE m.id = due.id AND d.id = m.driver_id
       RETURNING m.id, m.attempts, m.text, m.quick_replies, m.sent_by_name, d.telegram_chat_id, d.language_code,
                 d.channel AS driver_channel, d.erased_at`,
      [DELIVERY_LEASE_MS / 1000],
    )) as [ClaimedRow[], number];
    return rows;
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    const transport = this.transports.telegram;
    if (!transport) return;
    if (row.erased_at || row.driver_channel !== 'telegram' || row.telegram_chat_id === null) {
      return this.record(row, { kind: 'rejected', error: 'The driver is no longer connected to the Telegram bot' });
    }
    const outgoing: OutgoingTelegramMessage = {
      messageId: row.id,
      chatId: Number(row.telegram_chat_id),
      languageCode: row.language_code,
      senderName: row.sent_by_name,
      text: row.text,
      quickReplies: row.quick_replies ?? [],
    };
    let outcome: SendOutcome;
    try {
      outcome = await transport.send(outgoing);
    } catch (error) {
      outcome = { kind: 'retry', error: (error as Error).message };
    }
    await this.record(row, outcome);
  }

  private async record(row: ClaimedRow, outcome: SendOutcome): Promise<void> {
    const changed = await this.dataSource.transaction(async (manager) => {
      // only while still ours to record (an erasure may have deleted it meanwhile)
      const message = await manager.findOne(MessageEntity, { where: { id: row.id, status: 'sent' }, lock: { mode: 'pessimistic_write' } });
      if (!message) return null;
      if (outcome.kind === 'delivered') {
        const now = new Date();
        await manager.update(MessageEntity, { id: row.id }, { status: 'delivered', telegramMessageId: outcome.telegramMessageId, deliveredAt: now, nextAttemptAt: null, error: null });
        const driver: Array<{ name: string }> = await manager.query(`SELECT name FROM drivers WHERE id = $1`, [message.driverId]);
        await appendEvents(manager, [
          {
            type: 'message.delivered',
            driverId: message.driverId,
            occurredAt: now,
            data: { driver: { id: message.driverId, name: driver[0]?.name ?? '' }, messageId: message.id, text: message.text, sentBy: toMessageDto(message).sentBy },
          },
        ]);
      } else if (outcome.kind === 'rejected') {
        await manager.update(MessageEntity, { id: row.id }, { status: 'failed', error: outcome.error.slice(0, 300), nextAttemptAt: null });
        this.logger.warn(`Message ${row.id} failed: ${outcome.error}`);
      } else {
        const delay = nextAttemptDelayMs(row.attempts, outcome.retryAfterS);
        if (delay === null) {
          const error = `Telegram could not be reached after ${row.attempts} attempts (${outcome.error})`;
          await manager.update(MessageEntity, { id: row.id }, { status: 'failed', error: error.slice(0, 300), nextAttemptAt: null });
          this.logger.warn(`Message ${row.id} failed: ${error}`);
        } else {
          await manager.update(MessageEntity, { id: row.id }, { nextAttemptAt: new Date(Date.now() + delay), error: `Retrying: ${outcome.error}`.slice(0, 300) });
        }
      }
      return manager.findBy(MessageEntity, { id: In([row.id]) });
    });
    if (!changed) return;
    this.messages.announce(changed);
    if (outcome.kind === 'delivered') this.dispatcher.nudge();
  }
}
