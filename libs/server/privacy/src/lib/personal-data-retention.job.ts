import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { withAdvisoryLock, ADVISORY_LOCK_KEYS } from '@convoy/server/database';
import { LinksService } from '@convoy/server/links';
import { SharingService } from '@convoy/server/sharing';
import { DriversService } from '@convoy/server/tracking';
import type { DataSource } from 'typeorm';

/** Any fixed key, not the positions purge's: only one replica runs this at a time. */
const PERSONAL_DATA_RETENTION_LOCK_KEY = ADVISORY_LOCK_KEYS.personalDataRetention;

/**
 * Retention of what is not positions (those have their own purge): the Telegram identity of
 * drivers quiet for longer than RETENTION_DAYS, and links redeemed, expired or revoked longer ago
 * than that. Daily, and once at start.
 */
@Injectable()
export class PersonalDataRetentionJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(PersonalDataRetentionJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly drivers: DriversService,
    private readonly links: LinksService,
    private readonly sharing: SharingService,
  ) {}

  onApplicationBootstrap(): void {
    void this.run().catch((error: Error) => this.logger.warn(`Personal data retention at start failed: ${error.message}`));
  }

  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: 'personal-data-retention' })
  async run(now = new Date()): Promise<{ identities: number; links: number } | null> {
    const cutoff = new Date(now.getTime() - this.config.tracking.retentionDays * 86_400_000);
    const run = await withAdvisoryLock(this.dataSource, PERSONAL_DATA_RETENTION_LOCK_KEY, async () => {
      const forgotten = await this.drivers.forgetQuietTelegramIdentities(cutoff);
      this.sharing.identitiesCleared(forgotten);
      return { identities: forgotten.length, links: await this.links.purgeFinished(cutoff) };
    });
    if (!run.ran) {
      this.logger.log('Personal data retention skipped: another instance is running it');
      return null;
    }
    const { identities, links } = run.result;
    this.logger.log(
      `Retention (${this.config.tracking.retentionDays} days, before ${cutoff.toISOString()}): ` +
        `forgot ${identities} Telegram identities of quiet drivers, deleted ${links} finished links`,
    );
    return run.result;
  }
}
