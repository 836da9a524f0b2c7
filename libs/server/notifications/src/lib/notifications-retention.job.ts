import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { withAdvisoryLock, ADVISORY_LOCK_KEYS } from '@convoy/server/database';
import type { DataSource } from 'typeorm';

/** Any fixed key, not the other purges': only one replica runs this at a time. */
const NOTIFICATIONS_RETENTION_LOCK_KEY = ADVISORY_LOCK_KEYS.notificationsRetention;
/** Finished delivery jobs are kept this long (to answer "did it go out?"), then deleted. */
export const FINISHED_DELIVERY_DAYS = 7;

/**
 * Inbox entries name drivers ("Aziz arrived at …"): they age out with RETENTION_DAYS like the
 * positions they came from; finished jobs (sent/failed/skipped) after a week; used or expired link
 * codes after a day. Daily at 3:30, one replica (advisory lock).
 */
@Injectable()
export class NotificationsRetentionJob {
  private readonly logger = new Logger(NotificationsRetentionJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @Cron('30 3 * * *', { name: 'notifications-retention' })
  async run(now = new Date()): Promise<{ notifications: number; deliveries: number; codes: number } | null> {
    const cutoff = new Date(now.getTime() - this.config.tracking.retentionDays * 86_400_000);
    const jobsCutoff = new Date(now.getTime() - FINISHED_DELIVERY_DAYS * 86_400_000);
    const run = await withAdvisoryLock(this.dataSource, NOTIFICATIONS_RETENTION_LOCK_KEY, async () => {
      const count = async (sql: string, parameters: unknown[]) => ((await this.dataSource.query(sql, parameters)) as [unknown, number])[1];
      return {
        notifications: await count(`DELETE FROM notifications WHERE created_at < $1`, [cutoff]),
        deliveries: await count(`DELETE FROM notification_deliveries WHERE status IN ('sent', 'failed', 'skipped') AND created_at < $1`, [jobsCutoff]),
        codes: await count(`DELETE FROM user_telegram_link_codes WHERE expires_at < $1`, [new Date(now.getTime() - 86_400_000)]),
      };
    });
    if (!run.ran) return null;
    this.logger.log(
      `Notifications retention: deleted ${run.result.notifications} inbox entries, ${run.result.deliveries} finished jobs, ${run.result.codes} link codes`,
    );
    return run.result;
  }
}
