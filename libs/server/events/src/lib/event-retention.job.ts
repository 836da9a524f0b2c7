import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { ADVISORY_LOCK_KEYS, purgeOlderThan } from '@convoy/server/database';
import type { DataSource } from 'typeorm';

/** Any fixed key (not the positions' one): only one replica purges events at a time. */
const EVENT_RETENTION_LOCK_KEY = ADVISORY_LOCK_KEYS.eventRetention;
/** $1 the cutoff, $2 the chunk: dispatched events, oldest first along `seq`. */
const PURGE_EVENTS_SQL = `
  WITH gone AS (
    DELETE FROM events WHERE seq IN (
      SELECT seq FROM events WHERE occurred_at < $1 AND dispatched_at IS NOT NULL ORDER BY seq LIMIT $2)
    RETURNING 1
  )
  SELECT count(*)::int AS deleted FROM gone`;

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
    const purged = await purgeOlderThan(this.dataSource, EVENT_RETENTION_LOCK_KEY, PURGE_EVENTS_SQL, cutoff);
    if (purged === null) return 0;
    if (purged > 0) this.logger.log(`Purged ${purged} events from before ${cutoff.toISOString()}`);
    return purged;
  }
}
