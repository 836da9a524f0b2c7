import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { ADVISORY_LOCK_KEYS, purgeOlderThan } from '@convoy/server/database';
import type { DataSource } from 'typeorm';

/** $1 the cutoff, $2 the chunk: finished deliveries, oldest first (pending ones are still owed). */
const PURGE_DELIVERIES_SQL = `
  WITH gone AS (
    DELETE FROM webhook_deliveries WHERE id IN (
      SELECT id FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND created_at < $1 ORDER BY created_at LIMIT $2)
    RETURNING 1
  )
  SELECT count(*)::int AS deleted FROM gone`;

/**
 * A delivery keeps the payload it sent (drivers' names and positions) to answer "did it go out?":
 * finished ones age out with RETENTION_DAYS like the events they came from. Daily at 3:50 and once
 * at start, one replica (advisory lock).
 */
@Injectable()
export class WebhookDeliveriesRetentionJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveriesRetentionJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.run().catch((error: Error) => this.logger.warn(`Webhook deliveries retention at start failed: ${error.message}`));
  }

  @Cron('50 3 * * *', { name: 'webhook-deliveries-retention' })
  async run(now = new Date()): Promise<number | null> {
    const cutoff = new Date(now.getTime() - this.config.tracking.retentionDays * 86_400_000);
    const deleted = await purgeOlderThan(this.dataSource, ADVISORY_LOCK_KEYS.webhookDeliveriesRetention, PURGE_DELIVERIES_SQL, cutoff);
    if (deleted === null) return null;
    this.logger.log(
      `Webhook deliveries retention (${this.config.tracking.retentionDays} days): deleted ${deleted} finished deliveries from before ${cutoff.toISOString()}`,
    );
    return deleted;
  }
}
