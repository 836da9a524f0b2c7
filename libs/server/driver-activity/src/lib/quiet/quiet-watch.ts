import { Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NewConvoyEvent } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { appendEvents, EventDispatcher } from '@convoy/server/events';
import type { DataSource } from 'typeorm';

/** Drivers marked quiet per transaction (the next round takes the rest). */
const QUIET_BATCH = 500;

/**
 * How often the watch looks: every 30 s, or a quarter of the quiet time when that is shorter (so a
 * test's 3-second QUIET_AFTER_MINUTES is noticed within a second), never more than once a second.
 */
export function quietCheckIntervalMs(quietAfterMinutes: number): number {
  return Math.min(30_000, Math.max(1000, Math.round((quietAfterMinutes * 60_000) / 4)));
}

/**
 * `driver.went_quiet` (issue #10): a sharing driver without a position for QUIET_AFTER_MINUTES.
 * Runs on every replica; exactly one event per quiet spell, because the spell is a state the
 * claiming statement sets (`quiet_since`, only where it is null) in the transaction that appends
 * the event. The drivers are locked `SKIP LOCKED`: another replica's claim, or a position batch
 * moving the driver right now, is left alone (the batch's driver is not quiet; the re-read of a row
 * that changed since the statement began keeps a driver whose point just committed out).
 * The next position clears the spell (`driver.back`, DriverActivityParticipant).
 */
@Injectable()
export class QuietWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QuietWatch.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Optional() private readonly dispatcher: EventDispatcher | null = null,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.check()
        .catch((error: Error) => this.logger.warn(`Looking for quiet drivers failed: ${error.message}`))
        .finally(() => (this.running = null));
    }, quietCheckIntervalMs(this.config.activity.quietAfterMinutes));
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Marks the drivers quiet now and appends their events; returns how many. */
  async check(now = new Date()): Promise<number> {
    const quietMinutes = this.config.activity.quietAfterMinutes;
    const cutoff = new Date(now.getTime() - quietMinutes * 60_000);
    let total = 0;
    for (;;) {
      const marked = await this.dataSource.transaction(async (tx) => {
        const rows = (await tx.query(CLAIM_QUIET_SQL, [now, cutoff, QUIET_BATCH])) as QuietRow[];
        const events: NewConvoyEvent[] = rows.map((row) => ({
          type: 'driver.went_quiet',
          occurredAt: now,
          driverId: row.id,
          data: {
            driver: { id: row.id, name: row.name },
            lastPositionAt: row.last_recorded_at ? new Date(row.last_recorded_at).toISOString() : null,
            quietMinutes,
          },
        }));
        await appendEvents(tx, events);
        return rows.length;
      });
      total += marked;
      if (marked < QUIET_BATCH) break;
    }
    if (total > 0) this.dispatcher?.nudge();
    return total;
  }
}

interface QuietRow {
  id: string;
  name: string;
  last_recorded_at: Date | null;
}

/**
 * $1 now, $2 the cutoff, $3 the batch. Sharing (a session began and did not end, its live period
 * not run out), no sign of life (position, or the session's start) since the cutoff, not quiet yet.
 */
const CLAIM_QUIET_SQL = `
  WITH due AS (
    SELECT d.id, d.name, d.last_recorded_at, greatest(d.last_recorded_at, d.sharing_since) AS last_seen
      FROM drivers d
     WHERE d.sharing_since IS NOT NULL AND d.sharing_ended_at IS NULL AND d.erased_at IS NULL
       AND (d.live_until IS NULL OR d.live_until > $1)
       AND greatest(d.last_recorded_at, d.sharing_since) < $2
       AND NOT EXISTS (SELECT 1 FROM driver_activity a WHERE a.driver_id = d.id AND a.quiet_since IS NOT NULL)
     ORDER BY d.id
     LIMIT $3
       FOR NO KEY UPDATE OF d SKIP LOCKED
  ), marked AS (
    INSERT INTO driver_activity AS a (driver_id, quiet_since, quiet_last_seen_at)
    SELECT id, $1, last_seen FROM due
    ON CONFLICT (driver_id) DO UPDATE SET quiet_since = EXCLUDED.quiet_since, quiet_last_seen_at = EXCLUDED.quiet_last_seen_at
     WHERE a.quiet_since IS NULL
    RETURNING a.driver_id
  )
  SELECT due.id, due.name, due.last_recorded_at FROM due JOIN marked ON marked.driver_id = due.id`;
