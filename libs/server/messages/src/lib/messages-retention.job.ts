import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { ADVISORY_LOCK_KEYS, purgeOlderThan } from '@convoy/server/database';
import { DriversService } from '@convoy/server/tracking';
import type { DataSource } from 'typeorm';

/**
 * $1 the cutoff, $2 the chunk. Oldest first; a Telegram message still due for another attempt
 * stays. A driver's unread count drops by the unread replies deleted, in the same statement: a
 * concurrent reply recounts under the driver's row lock without seeing this delete, and this UPDATE
 * then waits for that lock and subtracts from the recount. `recounted`: those drivers.
 */
const PURGE_MESSAGES_SQL = `
  WITH gone AS (
    DELETE FROM messages WHERE id IN (
      SELECT id FROM messages
       WHERE created_at < $1 AND NOT (status = 'sent' AND next_attempt_at IS NOT NULL)
       ORDER BY created_at LIMIT $2)
    RETURNING driver_id, direction = 'from-driver' AND read_at IS NULL AS unread
  ), recounted AS (
    UPDATE drivers d SET unread_messages = greatest(0, d.unread_messages - g.n)
      FROM (SELECT driver_id, count(*)::int AS n FROM gone WHERE unread GROUP BY driver_id) g
     WHERE d.id = g.driver_id
  )
  SELECT count(*)::int AS deleted, coalesce(array_agg(DISTINCT driver_id::text) FILTER (WHERE unread), '{}') AS recounted FROM gone`;

/**
 * Messages carry what dispatchers and drivers wrote each other: they age out with RETENTION_DAYS
 * like the positions. Daily at 3:45 and once at start, one replica (advisory lock). A driver whose
 * unread count dropped is announced (a `driver` upsert), so open dashboards show the new badge.
 */
@Injectable()
export class MessagesRetentionJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(MessagesRetentionJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly drivers: DriversService,
  ) {}

  onApplicationBootstrap(): void {
    void this.run().catch((error: Error) => this.logger.warn(`Messages retention at start failed: ${error.message}`));
  }

  @Cron('45 3 * * *', { name: 'messages-retention' })
  async run(now = new Date()): Promise<number | null> {
    const cutoff = new Date(now.getTime() - this.config.tracking.retentionDays * 86_400_000);
    const recounted: string[] = [];
    const deleted = await purgeOlderThan<{ deleted: number; recounted: string[] }>(
      this.dataSource,
      ADVISORY_LOCK_KEYS.messagesRetention,
      PURGE_MESSAGES_SQL,
      cutoff,
      (chunk) => recounted.push(...chunk.recounted),
    );
    if (deleted === null) return null;
    this.logger.log(`Messages retention (${this.config.tracking.retentionDays} days): deleted ${deleted} messages from before ${cutoff.toISOString()}`);
    await this.drivers.republish(recounted);
    return deleted;
  }
}
