import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationDto, NotificationListDto, NotificationsReadDto, NotificationType } from '@convoy/contracts';
import type { DataSource } from 'typeorm';
import { notificationNotFound } from '../notifications.errors';

export const INBOX_DEFAULT_LIMIT = 50;

/** One user's dashboard inbox: newest first, unread count, mark read. Nobody sees another user's entries. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(userId: string, query: { unread?: boolean; limit?: number; before?: string }): Promise<NotificationListDto> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications
        WHERE user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL) AND ($3::timestamptz IS NULL OR created_at < $3)
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [userId, query.unread ?? null, query.before ?? null, query.limit ?? INBOX_DEFAULT_LIMIT],
    )) as NotificationRow[];
    return { notifications: rows.map(toNotificationDto), unread: await this.unread(userId) };
  }

  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const rows = (await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId],
    )) as [NotificationRow[], number];
    const row = rows[0]?.[0];
    if (!row) throw notificationNotFound();
    return toNotificationDto(row);
  }

  async markAllRead(userId: string): Promise<NotificationsReadDto> {
    const [, marked] = (await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId])) as [
      unknown,
      number,
    ];
    return { marked, unread: await this.unread(userId) };
  }

  private async unread(userId: string): Promise<number> {
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [
      userId,
    ])) as { count: number }[];
    return count;
  }
}

export const COLUMNS = 'id, event_id, user_id, type, title, body, occurred_at, created_at, read_at, driver_id, place_id, link';

export interface NotificationRow {
  id: string;
  event_id: string;
  user_id: string;
  type: NotificationType;
  title: string;
  body: string;
  occurred_at: Date;
  created_at: Date;
  read_at: Date | null;
  driver_id: string | null;
  place_id: string | null;
  link: string | null;
}

export function toNotificationDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    eventId: row.event_id,
    type: row.type,
    title: row.title,
    body: row.body,
    occurredAt: new Date(row.occurred_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    driverId: row.driver_id,
    placeId: row.place_id,
    link: row.link,
  };
}
