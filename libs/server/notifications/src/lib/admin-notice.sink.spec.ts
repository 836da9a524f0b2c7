import type { AdminNotices } from '@convoy/server/events';
import type { DataSource } from 'typeorm';
import { AdminNoticeSink } from './admin-notice.sink';
import type { DeliveryTransports } from './delivery/delivery-transports';
import type { DeliveryWorker } from './delivery/delivery-worker';
import { NotificationsFeed, type UserNotifications } from './inbox/notifications-feed';

describe('AdminNoticeSink', () => {
  it('puts a notice in every active admin\'s inbox and queues Telegram for linked, unmuted admins', async () => {
    const statements: { sql: string; parameters: unknown[] }[] = [];
    const tx = {
      query: async (sql: string, parameters: unknown[] = []) => {
        statements.push({ sql, parameters });
        if (sql.includes('FROM users')) {
          return [
            { id: 'a1', linked: true, muted_until: null },
            { id: 'a2', linked: false, muted_until: null },
            { id: 'a3', linked: true, muted_until: new Date(Date.now() + 60_000) },
          ];
        }
        if (sql.includes('INSERT INTO notifications')) {
          return (parameters[1] as string[]).map((userId, i) => ({
            id: `n${i}`,
            event_id: (parameters[0] as string[])[i],
            user_id: userId,
            type: 'admin.notice',
            title: (parameters[3] as string[])[i],
            body: (parameters[4] as string[])[i],
            occurred_at: new Date(),
            created_at: new Date(),
            read_at: null,
            driver_id: null,
            place_id: null,
            link: (parameters[8] as string[])[i],
          }));
        }
        return (parameters[1] as string[]).map((_, i) => ({ id: `j${i}` }));
      },
    };
    const dataSource = { transaction: (work: (t: typeof tx) => Promise<unknown>) => work(tx) } as unknown as DataSource;
    const notices = { setSink: jest.fn() } as unknown as AdminNotices;
    const feed = new NotificationsFeed();
    const published: UserNotifications[] = [];
    feed.created$.subscribe((entry) => published.push(entry));
    const worker = { nudge: jest.fn() } as unknown as DeliveryWorker;
    const transports = { telegram: { sendText: jest.fn() } } as unknown as DeliveryTransports;
    const sink = new AdminNoticeSink(notices, dataSource, feed, worker, transports);
    sink.onModuleInit();
    expect(notices.setSink).toHaveBeenCalled();

    await sink.deliver({ title: 'Webhook disabled', body: 'https://example.com failed for 3 days', link: '/webhooks/w1' });

    expect(published.map((entry) => entry.userId)).toEqual(['a1', 'a2', 'a3']);
    expect(published[0].notifications[0]).toMatchObject({ type: 'admin.notice', title: 'Webhook disabled', link: '/webhooks/w1' });
    const jobs = statements.find((s) => s.sql.includes('INSERT INTO notification_deliveries'))!;
    expect(jobs.parameters[1]).toEqual(['a1']);
    expect(jobs.parameters[4]).toEqual(['Webhook disabled\nhttps://example.com failed for 3 days']);
    expect(worker.nudge).toHaveBeenCalled();
  });
});
