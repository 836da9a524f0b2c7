import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { ADVISORY_LOCK_KEYS, withAdvisoryLock } from '@convoy/server/database';
import type { DataSource } from 'typeorm';
import { localDate, resolveRange, type ReportRange } from '../report-range';
import { ReportsService } from '../reports.service';
import { CLOSED_AFTER_MS, PreparedSummaries } from './prepared-summaries';

export interface SummaryPreparationRun {
  /** The days looked at, newest first, and the driver rows computed for each (0: all were kept). */
  days: Array<{ day: string; computed: number }>;
  pruned: number;
}

/**
 * Keeps the fleet summaries of the last REPORT_PREPARE_DAYS closed days (in TIME_ZONE) prepared, so
 * the dashboard's "yesterday" opens at once for any fleet: every 10 minutes and at start, on one
 * replica at a time. A run computes only the rows that are missing or were made stale by a late
 * point; a quiet fleet's run is two lookups. A day is closed CLOSED_AFTER_MS after its end.
 */
@Injectable()
export class SummaryPreparationJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(SummaryPreparationJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly reports: ReportsService,
    private readonly prepared: PreparedSummaries,
  ) {}

  onApplicationBootstrap(): void {
    void this.prepare().catch((error: Error) => this.logger.warn(`Preparing fleet summaries at start failed: ${error.message}`));
  }

  @Cron(CronExpression.EVERY_10_MINUTES, { name: 'prepare-fleet-summaries' })
  async prepare(now = Date.now()): Promise<SummaryPreparationRun | null> {
    if (this.config.reports.prepareDays === 0) return null;
    const run = await withAdvisoryLock(this.dataSource, ADVISORY_LOCK_KEYS.summaryPreparation, async () => {
      const result: SummaryPreparationRun = { days: [], pruned: await this.prepared.prune(this.reports.rules) };
      for (const { day, range } of this.closedDays(now)) {
        const started = Date.now();
        const computed = await this.reports.prepare(range);
        result.days.push({ day, computed });
        if (computed > 0) this.logger.log(`Prepared the fleet summary of ${day}: ${computed} driver rows computed in ${Date.now() - started} ms`);
      }
      return result;
    });
    return run.ran ? run.result : null;
  }

  private closedDays(now: number): Array<{ day: string; range: ReportRange }> {
    return lastClosedDays(now, this.config.telegram.timeZone, this.config.reports.prepareDays);
  }
}

/**
 * The last `count` calendar days in `tz` that ended over CLOSED_AFTER_MS before `now`, newest first
 * (just after midnight yesterday is not closed yet, so the count reaches one day further back).
 */
export function lastClosedDays(now: number, tz: string, count: number): Array<{ day: string; range: ReportRange }> {
  const days: Array<{ day: string; range: ReportRange }> = [];
  const today = localDate(now, tz);
  for (let back = 1; days.length < count && back <= count + 1; back++) {
    const day = daysBefore(today, back);
    const range = resolveRange(day, day, tz, now);
    if (typeof range !== 'string' && range.to <= now - CLOSED_AFTER_MS) days.push({ day, range });
  }
  return days;
}

/** `YYYY-MM-DD` `n` calendar days before `day`. */
function daysBefore(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
}
