import { Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { appendEvents, EventDispatcher } from '@convoy/server/events';
import { withPoolClient } from '@convoy/server/database';
import { ConvoyMetrics } from '@convoy/server/metrics';
import type { DataSource } from 'typeorm';
import { PositionCommitParticipants, type PositionCommitContribution } from './position-commit-participants';
import type { PositionRow, WriteOutcome } from './position-row';
import { LATE_POSITION_AFTER_S } from '../late/late-positions';
import { pgArrayLiteral } from './pg-array-literal';

/** Rows per statement: large enough to amortise a commit, small enough to keep latency flat. */
export const MAX_BATCH_ROWS = 1000;

interface Pending {
  row: PositionRow;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. Idle: a row is written at once. While a write is in flight, new rows wait; the next
 * write takes them all (up to MAX_BATCH_ROWS) in one statement — one round trip, one transaction:
 * INSERT … SELECT FROM unnest(…) for the history and UPDATE … FROM for each driver's latest
 * position, joined to `drivers` so rows of deleted (or unbound) drivers are reported, not fatal. Each caller's promise
 * resolves after its row is committed, so a webhook is answered only once its position is durable.
 * No timer: latency is one write when idle, and batches grow with load.
 */
@Injectable()
export class PositionWriter implements OnApplicationShutdown {
  private readonly logger = new Logger(PositionWriter.name);
  private queue: Pending[] = [];
  private draining: Promise<void> | null = null;
  /** Rows of each committed write that reached the database (not duplicates), in commit order. */
  readonly committed$ = new Subject<PositionRow[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: ConvoyMetrics,
    @Optional() private readonly participants: PositionCommitParticipants = new PositionCommitParticipants(),
    @Optional() private readonly dispatcher: EventDispatcher | null = null,
  ) {}

  write(row: PositionRow): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.metrics.writerQueueDepth.set(this.queue.length);
      this.draining ??= this.drain();
    });
  }

  /** Rows waiting for the next write. */
  get queueDepth(): number {
    return this.queue.length;
  }

  /** Resolves when every position accepted so far is committed (shutdown: before the database closes). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /**
   * Writes until the queue is empty. `draining` is cleared in the same tick the queue is found empty:
   * a caller resumed by the last commit that writes again at once must start a new drain, not queue
   * behind one that has already finished.
   */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH_ROWS);
        this.metrics.writerQueueDepth.set(this.queue.length);
        this.metrics.writerBatchSize.observe(batch.length);
        try {
          const outcomes = await this.commitRacing(batch.map((p) => p.row));
          batch.forEach((pending, i) => pending.resolve(outcomes[i]));
          const accepted = batch.filter((_, i) => outcomes[i] === 'stored' || outcomes[i] === 'latest-only').map((p) => p.row);
          if (accepted.length > 0) this.committed$.next(accepted);
        } catch (error) {
          this.logger.error(`Writing ${batch.length} positions failed: ${(error as Error).message}`);
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.draining = null;
    }
  }

  /**
   * A driver deleted (or a deadlock with another replica's batch) between the statement's snapshot
   * and its foreign-key check fails the whole statement, which changed nothing: run it once more —
   * the new snapshot no longer sees the deleted driver, whose rows then report `unknown-driver`.
   */
  private async commitRacing(rows: PositionRow[]): Promise<WriteOutcome[]> {
    try {
      return await this.commit(rows);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== FOREIGN_KEY_VIOLATION && code !== DEADLOCK_DETECTED) throw error;
      this.logger.warn(`Writing ${rows.length} positions raced another transaction (${code}), retrying once`);
      return this.commit(rows);
    }
  }

  /**
   * One statement (so one round trip and one implicit transaction) for the whole batch: keep the rows
   * whose driver exists and, for Telegram rows, is still bound to the sending user; insert the
   * history rows (a redelivered update_id is skipped); move each driver's latest position to its
   * newest accepted row unless a newer one is already stored. Returns which rows were known and which
   * history rows were duplicates.
   */
  private async commit(rows: PositionRow[]): Promise<WriteOutcome[]> {
    const outcomes: Array<WriteOutcome | undefined> = rows.map(() => undefined);
    // the same Telegram update (or a device's same point) twice in one batch: the first wins, like across batches
    const seen = new Set<string>();
    const sent: number[] = [];
    rows.forEach((row, i) => {
      const key = row.persist ? pointKey(row) : null;
      if (key !== null && seen.has(key)) {
        outcomes[i] = 'duplicate';
        return;
      }
      if (key !== null) seen.add(key);
      sent.push(i);
    });

    const settle = (known: Array<{ i: number; duplicate: boolean }>): WriteOutcome[] => {
      const knownRows = new Map(known.map((row) => [row.i, row.duplicate]));
      return outcomes.map((outcome, i) => {
        if (outcome) return outcome;
        const duplicate = knownRows.get(i);
        if (duplicate === undefined) return 'unknown-driver';
        if (duplicate) return 'duplicate'; // stored by an earlier delivery of the same update
        return rows[i].persist ? 'stored' : 'latest-only';
      });
    };
    return this.runBatch(columns(rows, sent), (known) => {
      const settled = settle(known);
      return { outcomes: settled, accepted: rows.filter((_, i) => settled[i] === 'stored' || settled[i] === 'latest-only') };
    });
  }

  /**
   * A named prepared statement: each pooled connection parses and plans it once, then every batch
   * sends only its parameters. Without commit participants the statement is its own transaction (one
   * round trip); with them, BEGIN … the statement, each participant, the outbox append … COMMIT.
   */
  private async runBatch(
    values: unknown[],
    settle: (known: Array<{ i: number; duplicate: boolean }>) => { outcomes: WriteOutcome[]; accepted: PositionRow[] },
  ): Promise<WriteOutcome[]> {
    const participants = this.participants.list();
    return withPoolClient(this.dataSource, async (client) => {
      if (participants.length === 0) {
        const result = await client.query<{ i: number; duplicate: boolean }>({ name: WRITE_BATCH_STATEMENT, text: WRITE_BATCH_SQL, values });
        return settle(result.rows).outcomes;
      }
      const contributions: PositionCommitContribution[] = [];
      let appended = 0;
      await client.query('BEGIN');
      let outcomes: WriteOutcome[];
      try {
        const result = await client.query<{ i: number; duplicate: boolean }>({ name: WRITE_BATCH_STATEMENT, text: WRITE_BATCH_SQL, values });
        const settled = settle(result.rows);
        outcomes = settled.outcomes;
        if (settled.accepted.length > 0) {
          for (const participant of participants) {
            const contribution = await participant.withinCommit(settled.accepted, client);
            if (contribution) contributions.push(contribution);
          }
          const events = contributions.flatMap((contribution) => contribution.events ?? []);
          appended = (await appendEvents(client, events)).length;
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      for (const contribution of contributions) {
        try {
          contribution.afterCommit?.();
        } catch (error) {
          this.logger.warn(`After a position commit: ${(error as Error).message}`);
        }
      }
      if (appended > 0) this.dispatcher?.nudge();
      return outcomes;
    });
  }
}

/** What makes a history row unique: Telegram's update id, else the driver and the point's time. */
function pointKey(row: PositionRow): string {
  return row.telegramUpdateId !== null ? `u${row.telegramUpdateId}` : `p${row.driverId}@${row.recordedAt.getTime()}`;
}

const WRITE_BATCH_STATEMENT = 'convoy_write_positions_v3';
const FOREIGN_KEY_VIOLATION = '23503';
const DEADLOCK_DETECTED = '40P01';

/**
 * $1…$14: the batch as parallel arrays (i = the row's index in the batch). Data-modifying CTEs all
 * run, once, on the statement's snapshot; `outcome` reads the INSERT's RETURNING so a duplicate
 * (a redelivered Telegram update, or a device's point resent: same driver and time) never moves the
 * latest position. Rows missing from the result had no (bound) driver.
 * `late` notes the driver-hours of points stored over LATE_POSITION_AFTER_S after their time (ordered,
 * so concurrent batches lock the rows in one order); a live batch inserts nothing there.
 * `FOR KEY SHARE` (what the foreign key takes anyway) makes a batch racing a driver's erasure wait
 * for it and re-read the erased row: nothing is stored for a driver once their data is erased.
 */
const WRITE_BATCH_SQL = `
  WITH x AS (
    SELECT *
      FROM unnest($1::int[], $2::uuid[], $3::float8[], $4::float8[], $5::real[], $6::smallint[], $7::real[],
                  $8::timestamptz[], $9::varchar[], $10::bigint[], $11::bigint[], $12::bool[], $13::real[], $14::real[])
           AS x(i, driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, source,
                telegram_update_id, telegram_user_id, persist, battery, altitude)
  ), known AS (
    SELECT x.*
      FROM x JOIN drivers d ON d.id = x.driver_id
     WHERE (x.telegram_user_id IS NULL OR d.telegram_user_id = x.telegram_user_id) AND d.erased_at IS NULL
       FOR KEY SHARE OF d
  ), inserted AS (
    INSERT INTO positions (driver_id, latitude, longitude, accuracy, heading, speed, battery, altitude, recorded_at, source,
                           telegram_update_id)
    SELECT driver_id, latitude, longitude, accuracy, heading, speed, battery, altitude, recorded_at, source, telegram_update_id
      FROM known
     WHERE persist
    ON CONFLICT DO NOTHING
    RETURNING driver_id, recorded_at, telegram_update_id
  ), late AS (
    INSERT INTO position_late_writes (driver_id, hour, written_at)
    SELECT DISTINCT driver_id, date_trunc('hour', recorded_at, 'UTC'), statement_timestamp()
      FROM inserted
     WHERE recorded_at < statement_timestamp() - make_interval(secs => ${LATE_POSITION_AFTER_S})
     ORDER BY 1, 2
    ON CONFLICT (driver_id, hour) DO UPDATE SET written_at = excluded.written_at
  ), outcome AS (
    SELECT k.*,
           k.persist AND NOT EXISTS (
             SELECT 1 FROM inserted s
              WHERE CASE WHEN k.telegram_update_id IS NOT NULL THEN s.telegram_update_id = k.telegram_update_id
                         ELSE s.telegram_update_id IS NULL AND s.driver_id = k.driver_id AND s.recorded_at = k.recorded_at END
           ) AS duplicate
      FROM known k
  ), latest AS (
    SELECT DISTINCT ON (driver_id) *
      FROM outcome
     WHERE NOT duplicate
     ORDER BY driver_id, recorded_at DESC, i DESC
  ), moved AS (
    UPDATE drivers d
       SET last_latitude = l.latitude, last_longitude = l.longitude, last_accuracy = l.accuracy,
           last_heading = l.heading, last_speed = l.speed, last_recorded_at = l.recorded_at, last_source = l.source,
           last_battery = l.battery, last_altitude = l.altitude
      FROM latest l
     WHERE d.id = l.driver_id AND (d.last_recorded_at IS NULL OR d.last_recorded_at <= l.recorded_at)
  )
  SELECT i, duplicate FROM outcome`;

function columns(rows: PositionRow[], indexes: number[]): string[] {
  const pick = (value: (row: PositionRow) => number | boolean | string | null): string => pgArrayLiteral(indexes.map((i) => value(rows[i])));
  return [
    pgArrayLiteral(indexes),
    pick((r) => r.driverId),
    pick((r) => r.latitude),
    pick((r) => r.longitude),
    pick((r) => r.accuracy),
    pick((r) => r.heading),
    pick((r) => r.speed),
    pick((r) => r.recordedAt.toISOString()),
    pick((r) => r.source),
    pick((r) => r.telegramUpdateId),
    pick((r) => r.telegramUserId),
    pick((r) => r.persist),
    pick((r) => r.battery),
    pick((r) => r.altitude),
  ];
}
