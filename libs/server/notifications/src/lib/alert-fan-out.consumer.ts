import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ConvoyEvent, Role } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { EventConsumers, type EventConsumer } from '@convoy/server/events';
import type { EntityManager } from 'typeorm';
import { DeliveryTransports } from './delivery/delivery-transports';
import { DeliveryWorker } from './delivery/delivery-worker';
import { EmailSender } from './delivery/email-sender';
import { NotificationsFeed, type UserNotifications } from './inbox/notifications-feed';
import { COLUMNS, toNotificationDto, type NotificationRow } from './inbox/inbox.service';
import { AlertRulesService } from './rules/alert-rules.service';
import { placeOf, recipientsOf } from './rules/rule-matching';
import { asMessage, renderAlert, truncate } from './texts/alert-texts';

interface Recipient {
  id: string;
  role: Role;
  chat: { languageCode: string | null; mutedUntil: Date | null } | null;
}

/** One inbox entry and the delivery jobs of one batch, as parallel arrays for one INSERT each. */
class FanOutRows {
  readonly inbox = { eventId: [] as string[], userId: [] as string[], type: [] as string[], title: [] as string[], body: [] as string[], occurredAt: [] as string[], driverId: [] as (string | null)[], placeId: [] as (string | null)[], link: [] as (string | null)[] };
  readonly jobs = { eventId: [] as string[], userId: [] as string[], channel: [] as string[], subject: [] as string[], text: [] as string[] };

  addInbox(event: ConvoyEvent, userId: string, title: string, body: string): void {
    this.inbox.eventId.push(event.id);
    this.inbox.userId.push(userId);
    this.inbox.type.push(event.type);
    this.inbox.title.push(truncate(title, 300));
    this.inbox.body.push(truncate(body, 1000));
    this.inbox.occurredAt.push(event.occurredAt);
    this.inbox.driverId.push(event.driverId);
    this.inbox.placeId.push(placeOf(event)?.id ?? null);
    this.inbox.link.push(null);
  }

  /** A notice to an admin: no event, its own id as the dedupe key, a dashboard route to follow. */
  addNotice(noticeId: string, userId: string, notice: { title: string; body: string; link: string | null }, at: Date): void {
    this.inbox.eventId.push(noticeId);
    this.inbox.userId.push(userId);
    this.inbox.type.push('admin.notice');
    this.inbox.title.push(truncate(notice.title, 300));
    this.inbox.body.push(truncate(notice.body, 1000));
    this.inbox.occurredAt.push(at.toISOString());
    this.inbox.driverId.push(null);
    this.inbox.placeId.push(null);
    this.inbox.link.push(notice.link ? truncate(notice.link, 300) : null);
  }

  addJob(eventId: string, userId: string, channel: 'telegram' | 'email', subject: string, text: string): void {
    this.jobs.eventId.push(eventId);
    this.jobs.userId.push(userId);
    this.jobs.channel.push(channel);
    this.jobs.subject.push(truncate(subject, 300));
    this.jobs.text.push(truncate(text, 2000));
  }
}

/**
 * Alerts for people: for each dispatched event, the enabled rules decide who hears about it through
 * which channels; in the dispatch transaction each recipient gets one inbox entry (unique per event
 * and user) and one delivery job per channel (unique per event, user and channel), so a repeated
 * dispatch or a second replica adds nothing. After the commit: the entries go to the user's sockets
 * and the delivery worker is woken.
 */
@Injectable()
export class AlertFanOut implements EventConsumer, OnModuleInit {
  readonly name = 'alerts';
  /** What each batch's fan-out wrote, for its afterCommit (dropped with the batch if it rolled back). */
  private readonly written = new WeakMap<readonly ConvoyEvent[], { inbox: UserNotifications[]; jobs: number }>();

  constructor(
    private readonly consumers: EventConsumers,
    private readonly config: AppConfig,
    private readonly feed: NotificationsFeed,
    private readonly worker: DeliveryWorker,
    private readonly transports: DeliveryTransports,
    private readonly email: EmailSender,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  /** Erasure: inbox entries and alert texts name the driver; they go with the driver's events. */
  async forgetDriver(driverId: string, eventIds: readonly string[], tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM notifications WHERE driver_id = $1 OR event_id = ANY($2::uuid[])`, [driverId, eventIds]);
    await tx.query(`DELETE FROM notification_deliveries WHERE event_id = ANY($1::uuid[])`, [eventIds]);
  }

  async fanOut(events: readonly ConvoyEvent[], tx: EntityManager): Promise<void> {
    const rules = await AlertRulesService.enabledWithin(tx);
    if (rules.length === 0) return;
    const recipients = await this.activeUsers(tx);
    const byId = new Map(recipients.map((user) => [user.id, user]));
    const now = new Date();
    const timeZone = this.config.telegram.timeZone;
    const rows = new FanOutRows();
    for (const event of events) {
      const english = renderAlert(event, { timeZone });
      for (const [userId, channels] of recipientsOf(rules, event, recipients, now)) {
        const user = byId.get(userId)!;
        if (channels.has('dashboard')) rows.addInbox(event, userId, english.title, english.body);
        const chat = user.chat;
        if (channels.has('telegram') && this.transports.telegram && chat && !(chat.mutedUntil && chat.mutedUntil > now)) {
          const text = renderAlert(event, { timeZone, languageCode: chat.languageCode });
          rows.addJob(event.id, userId, 'telegram', text.title, asMessage(text));
        }
        if (channels.has('email') && this.email.enabled) rows.addJob(event.id, userId, 'email', english.title, asMessage(english));
      }
    }
    const inbox = await insertInbox(tx, rows);
    const jobs = await insertJobs(tx, rows);
    this.written.set(events, { inbox, jobs });
  }

  afterCommit(events: readonly ConvoyEvent[]): void {
    const written = this.written.get(events);
    if (!written) return;
    this.feed.publish(written.inbox);
    if (written.jobs > 0) this.worker.nudge();
  }

  private async activeUsers(tx: EntityManager): Promise<Recipient[]> {
    const rows = (await tx.query(
      `SELECT u.id, u.role, c.user_id IS NOT NULL AS linked, c.language_code, c.muted_until
         FROM users u LEFT JOIN user_telegram_chats c ON c.user_id = u.id
        WHERE NOT u.disabled`,
    )) as { id: string; role: Role; linked: boolean; language_code: string | null; muted_until: Date | null }[];
    return rows.map((row) => ({
      id: row.id,
      role: row.role,
      chat: row.linked ? { languageCode: row.language_code, mutedUntil: row.muted_until } : null,
    }));
  }
}

/** Inserts the entries (a repeat of the same event and user adds nothing) and returns the new ones per user. */
export async function insertInbox(tx: { query(sql: string, parameters?: unknown[]): Promise<unknown> }, rows: FanOutRows): Promise<UserNotifications[]> {
  const { inbox } = rows;
  if (inbox.eventId.length === 0) return [];
  const inserted = (await tx.query(
    `INSERT INTO notifications (event_id, user_id, type, title, body, occurred_at, driver_id, place_id, link)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::timestamptz[], $7::uuid[], $8::uuid[], $9::varchar[])
     ON CONFLICT (event_id, user_id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [inbox.eventId, inbox.userId, inbox.type, inbox.title, inbox.body, inbox.occurredAt, inbox.driverId, inbox.placeId, inbox.link],
  )) as NotificationRow[];
  const byUser = new Map<string, UserNotifications>();
  for (const row of inserted) {
    const entry = byUser.get(row.user_id) ?? { userId: row.user_id, notifications: [] };
    entry.notifications.push(toNotificationDto(row));
    byUser.set(row.user_id, entry);
  }
  return [...byUser.values()];
}

/** Inserts the delivery jobs (unique per event, user and channel); returns how many are new. */
export async function insertJobs(tx: { query(sql: string, parameters?: unknown[]): Promise<unknown> }, rows: FanOutRows): Promise<number> {
  const { jobs } = rows;
  if (jobs.eventId.length === 0) return 0;
  const inserted = (await tx.query(
    `INSERT INTO notification_deliveries (event_id, user_id, channel, subject, text)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[])
     ON CONFLICT (event_id, user_id, channel) DO NOTHING
     RETURNING id`,
    [jobs.eventId, jobs.userId, jobs.channel, jobs.subject, jobs.text],
  )) as unknown[];
  return inserted.length;
}

export { FanOutRows };
