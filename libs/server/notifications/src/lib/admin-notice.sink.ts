import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AdminNotices, type AdminNotice } from '@convoy/server/events';
import type { DataSource } from 'typeorm';
import { FanOutRows, insertInbox, insertJobs } from './alert-fan-out.consumer';
import { DeliveryTransports } from './delivery/delivery-transports';
import { DeliveryWorker } from './delivery/delivery-worker';
import { NotificationsFeed } from './inbox/notifications-feed';

/**
 * Where `AdminNotices.notify` goes: an entry in every active admin's inbox (live on their sockets)
 * and a message in each admin's linked Telegram chat (unless muted), through the same jobs as alerts.
 */
@Injectable()
export class AdminNoticeSink implements OnModuleInit {
  constructor(
    private readonly notices: AdminNotices,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: NotificationsFeed,
    private readonly worker: DeliveryWorker,
    private readonly transports: DeliveryTransports,
  ) {}

  onModuleInit(): void {
    this.notices.setSink((notice) => this.deliver(notice));
  }

  async deliver(notice: AdminNotice): Promise<void> {
    const id = randomUUID();
    const now = new Date();
    const rows = new FanOutRows();
    const { inbox, jobs } = await this.dataSource.transaction(async (tx) => {
      const admins = (await tx.query(
        `SELECT u.id, c.user_id IS NOT NULL AS linked, c.muted_until
           FROM users u LEFT JOIN user_telegram_chats c ON c.user_id = u.id
          WHERE u.role = 'admin' AND NOT u.disabled`,
      )) as { id: string; linked: boolean; muted_until: Date | null }[];
      for (const admin of admins) {
        rows.addNotice(id, admin.id, notice, now);
        const muted = admin.muted_until && admin.muted_until > now;
        if (admin.linked && !muted && this.transports.telegram) {
          rows.addJob(id, admin.id, 'telegram', notice.title, notice.body ? `${notice.title}\n${notice.body}` : notice.title);
        }
      }
      return { inbox: await insertInbox(tx, rows), jobs: await insertJobs(tx, rows) };
    });
    this.feed.publish(inbox);
    if (jobs > 0) this.worker.nudge();
  }
}
