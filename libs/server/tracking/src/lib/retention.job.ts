import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { withAdvisoryLock } from '@convoy/server/database';
import type { DataSource } from 'typeorm';

/** Rows deleted per statement, so a first purge of a big table never holds long locks. */
const PURGE_CHUNK = 10_000;
/** Any fixed key: only one replica purges at a time. */
const RETENTION_LOCK_KEY = '4842976093771425';

/**
 * Deletes positions older than RETENTION_DAYS: daily, and once at start (a replica that was down at
 * 3 am catches up). Drivers' latest positions are kept. Only one replica purges at a time.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.purge().catch((error: Error) => this.logger.warn(`Position retention at start failed: ${error.message}`));
  }

  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: 'purge-old-positions' })
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.tracking.retentionDays * 86_400_000);
    const run = await withAdvisoryLock(this.dataSource, RETENTION_LOCK_KEY, async (query) => {
      let deleted = 0;
      for (;;) {
        const result = (await query(
          `DELETE FROM positions WHERE id IN (SELECT id FROM positions WHERE recorded_at < $1 LIMIT ${PURGE_CHUNK})`,
          [cutoff],
        )) as [unknown[], number];
        deleted += result[1];
        if (result[1] < PURGE_CHUNK) return deleted;
      }
    });
    if (!run.ran) {
      this.logger.log('Position retention skipped: another instance is purging');
      return 0;
    }
    if (run.result > 0) this.logger.log(`Purged ${run.result} positions recorded before ${cutoff.toISOString()}`);
    return run.result;
  }
}
