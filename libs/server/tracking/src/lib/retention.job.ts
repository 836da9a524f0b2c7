import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { withAdvisoryLock, ADVISORY_LOCK_KEYS } from '@convoy/server/database';
import type { DataSource } from 'typeorm';
import { retentionOf } from './partitions/partition-days';
import { isLockTimeout, PositionPartitions, type LockedQuery } from './partitions/position-partitions';

/** Any fixed key: only one replica purges at a time. */
const RETENTION_LOCK_KEY = ADVISORY_LOCK_KEYS.positionRetention;

export interface RetentionRun {
  /** Daily partitions dropped whole, and Postgres's estimate of the rows they held. */
  droppedPartitions: string[];
  droppedRowsEstimate: number;
  /** Rows deleted one by one: the expired part of the boundary day, and expired rows of the default partition. */
  deleted: number;
}

/**
 * Ages positions out after RETENTION_DAYS: hourly, and once at start; one replica at a time. Hourly
 * keeps the boundary day's DELETE to about an hour of points per run, and a drop that gave up
 * waiting for its lock is tried again within the hour. Days wholly before the cutoff are dropped as partitions
 * (instant: no DELETE, no dead rows, no vacuum); the day the cutoff falls in and the default
 * partition lose their expired rows by chunked DELETE. Drivers' latest positions are kept. The late-write
 * log (`position_late_writes`) of expired hours goes too.
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

  @Cron(CronExpression.EVERY_HOUR, { name: 'purge-old-positions' })
  async purge(now = new Date()): Promise<RetentionRun | null> {
    const cutoff = new Date(now.getTime() - this.config.tracking.retentionDays * 86_400_000);
    const run = await withAdvisoryLock(this.dataSource, RETENTION_LOCK_KEY, (query) => this.run(query, cutoff));
    if (!run.ran) {
      this.logger.log('Position retention skipped: another instance is purging');
      return null;
    }
    const { droppedPartitions, droppedRowsEstimate, deleted } = run.result;
    if (droppedPartitions.length > 0) {
      this.logger.log(`Dropped position partitions ${droppedPartitions.join(', ')} (about ${droppedRowsEstimate} positions recorded before ${cutoff.toISOString()})`);
    }
    if (deleted > 0) this.logger.log(`Purged ${deleted} positions recorded before ${cutoff.toISOString()}`);
    return run.result;
  }

  private async run(query: LockedQuery, cutoff: Date): Promise<RetentionRun> {
    const result: RetentionRun = { droppedPartitions: [], droppedRowsEstimate: 0, deleted: 0 };
    const trimmed: string[] = [];
    try {
      for (const partition of await PositionPartitions.list(query)) {
        const verdict = retentionOf(partition.day, cutoff);
        if (verdict === 'drop') {
          result.droppedRowsEstimate += await PositionPartitions.drop(query, partition);
          result.droppedPartitions.push(partition.name);
        } else if (verdict === 'trim') {
          trimmed.push(partition.name);
        }
      }
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      this.logger.warn('Position retention waited too long for a lock on positions (a long read?); the other partitions go at the next run');
    }
    for (const table of [...trimmed, 'positions_default']) result.deleted += await PositionPartitions.trim(query, table, cutoff);
    // the late-write log of hours whose points are gone tells no reader anything any more
    await query(`DELETE FROM position_late_writes WHERE hour < $1::timestamptz - interval '1 hour'`, [cutoff]);
    return result;
  }
}
