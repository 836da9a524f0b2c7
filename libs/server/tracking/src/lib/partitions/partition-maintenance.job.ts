import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { withAdvisoryLock, ADVISORY_LOCK_KEYS } from '@convoy/server/database';
import type { DataSource } from 'typeorm';
import { daysAhead, partitionName, retentionOf } from './partition-days';
import { isLockTimeout, PositionPartitions, type LockedQuery } from './position-partitions';

/** Days of partitions kept ready after today, so a point normally lands in its own day's partition. */
export const PARTITIONS_AHEAD_DAYS = 7;
/** Any fixed key (not retention's): one replica does partition upkeep at a time. */
const MAINTENANCE_LOCK_KEY = ADVISORY_LOCK_KEYS.partitionMaintenance;

export interface MaintenanceRun {
  created: string[];
  /** Rows moved from the default partition into the partitions created for them. */
  moved: number;
  vacuumed: string[];
}

/**
 * Partition upkeep, at boot (awaited, so the first points land in today's partition) and hourly, on
 * one replica (advisory lock): creates today's and the next PARTITIONS_AHEAD_DAYS days' partitions,
 * creates a partition for each day the default partition holds rows of (late GPS-app batches, clock
 * skew; days retention would delete anyway are left to it) and moves those rows there, and vacuums
 * closed days once. A lock wait that runs out (a long export holds `positions`) ends the run; the
 * next one carries on. A point whose day has no partition is never refused: it lands in the default.
 */
@Injectable()
export class PartitionMaintenanceJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(PartitionMaintenanceJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Partitions before the app listens; vacuuming (minutes after a big migration) afterwards, in the background. */
  async onApplicationBootstrap(): Promise<void> {
    await this.maintain(new Date(), { vacuum: false }).catch((error: Error) => this.logger.warn(`Partition maintenance at start failed: ${error.message}`));
    void this.maintain().catch((error: Error) => this.logger.warn(`Vacuuming closed partitions at start failed: ${error.message}`));
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'position-partitions' })
  async maintain(now = new Date(), { vacuum } = { vacuum: true }): Promise<MaintenanceRun | null> {
    const run = await withAdvisoryLock(this.dataSource, MAINTENANCE_LOCK_KEY, (query) => this.run(query, now, vacuum));
    if (!run.ran) {
      this.logger.log('Partition maintenance skipped: another instance is running it');
      return null;
    }
    const { created, moved, vacuumed } = run.result;
    if (created.length > 0) this.logger.log(`Created position partitions ${created.join(', ')} (moved ${moved} positions out of the default partition)`);
    if (vacuumed.length > 0) this.logger.log(`Vacuumed closed position partitions ${vacuumed.join(', ')}`);
    return run.result;
  }

  private async run(query: LockedQuery, now: Date, vacuum: boolean): Promise<MaintenanceRun> {
    const result: MaintenanceRun = { created: [], moved: 0, vacuumed: [] };
    const cutoff = new Date(now.getTime() - this.config.tracking.retentionDays * 86_400_000);
    try {
      const late = (await PositionPartitions.defaultDays(query)).filter((day) => retentionOf(day, cutoff) !== 'drop');
      for (const day of [...late, ...daysAhead(now, PARTITIONS_AHEAD_DAYS)]) {
        const moved = await PositionPartitions.create(query, day);
        if (moved === null) continue;
        result.created.push(partitionName(day));
        result.moved += moved;
      }
      if (vacuum) result.vacuumed = await PositionPartitions.vacuumClosed(query, now);
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      this.logger.warn('Partition maintenance waited too long for a lock on positions (a long read?); the next run carries on');
    }
    return result;
  }
}
