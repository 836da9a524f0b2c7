import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { withAdvisoryLock, ADVISORY_LOCK_KEYS, purgeInChunks } from '@convoy/server/database';
import type { DataSource } from 'typeorm';

/** Any fixed key (not the positions' one): only one replica purges events at a time. */
const EVENT_RETENTION_LOCK_KEY = ADVISORY_LOCK_KEYS.eventRetention;

/**
 * Deletes dispatched events older than RETENTION_DAYS (they name drivers and carry message texts):
 * daily, and once at start. Undispatched events stay whatever their age — each consumer still has to
 * see them once. Oldest first along the primary key (`seq` grows with time), in chunks.
 */
@Injectable()
export class EventRetentionJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventRetentionJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.purge().catch((error: Error) => this.logger.warn(`Event retention at start failed: ${error.message}`));
  }

  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: 'purge-old-events' })
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.tracking.retentionDays * 86_400_000);
    const run = await withAdvisoryLock(this.dataSource, EVENT_RETENTION_LOCK_KEY, (query) =>
      purgeInChunks(async (limit) => {
        const result = (await query(
          `DELETE FROM events WHERE seq IN (
             SELECT seq FROM events WHERE occurred_at < $1 AND dispatched_at IS NOT NULL ORDER BY seq LIMIT ${limit})`,
          [cutoff],
        )) as [unknown[], number];
        return result[1];
      }),
    );
    if (!run.ran) return 0;
    if (run.result > 0) this.logger.log(`Purged ${run.result} events from before ${cutoff.toISOString()}`);
    return run.result;
  }
}
