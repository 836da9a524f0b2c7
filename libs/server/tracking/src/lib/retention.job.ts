import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import type { DataSource } from 'typeorm';

/** Rows deleted per statement, so a first purge of a big table never holds long locks. */
const PURGE_CHUNK = 10_000;
/** Any fixed key: only one replica purges at a time. */
const RETENTION_LOCK_KEY = '4842976093771425';

/** Deletes positions older than RETENTION_DAYS, daily. Drivers' latest positions are kept. */
@Injectable()
export class RetentionJob {
  private readonly logger = new Logger(RetentionJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: 'purge-old-positions' })
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.tracking.retentionDays * 86_400_000);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let deleted = 0;
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(${RETENTION_LOCK_KEY}) AS locked`);
      if (!locked) return 0;
      for (;;) {
        const result: [unknown[], number] = await runner.query(
          `DELETE FROM positions WHERE id IN (SELECT id FROM positions WHERE recorded_at < $1 LIMIT ${PURGE_CHUNK})`,
          [cutoff],
        );
        deleted += result[1];
        if (result[1] < PURGE_CHUNK) break;
      }
      await runner.query(`SELECT pg_advisory_unlock(${RETENTION_LOCK_KEY})`);
    } finally {
      await runner.release();
    }
    if (deleted > 0) this.logger.log(`Purged ${deleted} positions recorded before ${cutoff.toISOString()}`);
    return deleted;
  }
}
