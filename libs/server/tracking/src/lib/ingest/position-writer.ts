import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { ConvoyMetrics } from '@convoy/server/metrics';
import type { DataSource, EntityManager } from 'typeorm';
import type { PositionRow, WriteOutcome } from './position-row';

/** Rows per statement: large enough to amortise a commit, small enough to keep latency flat. */
export const MAX_BATCH_ROWS = 1000;

interface Pending {
  row: PositionRow;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. Idle: a row is written at once. While a write is in flight, new rows wait; the next
 * write takes them all (up to MAX_BATCH_ROWS) in one transaction: one INSERT … SELECT unnest(…) for
 * the history and one UPDATE … FROM unnest(…) for each driver's latest position. Each caller's promise
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
  ) {}

  write(row: PositionRow): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.metrics.writerQueueDepth.set(this.queue.length);
      this.draining ??= this.drain().finally(() => (this.draining = null));
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

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH_ROWS);
      this.metrics.writerQueueDepth.set(this.queue.length);
      this.metrics.writerBatchSize.observe(batch.length);
      try {
        const outcomes = await this.dataSource.transaction((manager) => this.commit(manager, batch.map((p) => p.row)));
        batch.forEach((pending, i) => pending.resolve(outcomes[i]));
        const accepted = batch.filter((_, i) => outcomes[i] === 'stored' || outcomes[i] === 'latest-only').map((p) => p.row);
        if (accepted.length > 0) this.committed$.next(accepted);
      } catch (error) {
        this.logger.error(`Writing ${batch.length} positions failed: ${(error as Error).message}`);
        for (const pending of batch) pending.reject(error);
      }
    }
  }

  private async commit(manager: EntityManager, rows: PositionRow[]): Promise<WriteOutcome[]> {
    const known = await this.knownDrivers(manager, rows);
    const outcomes: WriteOutcome[] = rows.map((row) =>
      !known.has(row.driverId) ? 'unknown-driver' : row.persist ? 'stored' : 'latest-only',
    );
    // the same Telegram update twice in one batch: the first wins, like across batches
    const seenUpdates = new Set<number>();
    rows.forEach((row, i) => {
      if (outcomes[i] !== 'stored' || row.telegramUpdateId === null) return;
      if (seenUpdates.has(row.telegramUpdateId)) outcomes[i] = 'duplicate';
      seenUpdates.add(row.telegramUpdateId);
    });

    const toInsert = rows.filter((_, i) => outcomes[i] === 'stored');
    if (toInsert.length > 0) {
      const inserted: Array<{ telegram_update_id: string | null }> = await manager.query(
        `INSERT INTO positions (driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, source, telegram_update_id)
         SELECT x.driver_id, x.latitude, x.longitude, x.accuracy, x.heading, x.speed, x.recorded_at, x.source, x.telegram_update_id
           FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::real[], $5::smallint[], $6::real[],
                       $7::timestamptz[], $8::varchar[], $9::bigint[])
                AS x(driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, source, telegram_update_id)
           JOIN drivers d ON d.id = x.driver_id
         ON CONFLICT (telegram_update_id) WHERE telegram_update_id IS NOT NULL DO NOTHING
         RETURNING telegram_update_id`,
        columns(toInsert),
      );
      const insertedUpdates = new Set(inserted.map((row) => Number(row.telegram_update_id)));
      rows.forEach((row, i) => {
        if (outcomes[i] === 'stored' && row.telegramUpdateId !== null && !insertedUpdates.has(row.telegramUpdateId)) {
          outcomes[i] = 'duplicate'; // stored by an earlier delivery of the same update
        }
      });
    }

    const latest = latestPerDriver(rows.filter((_, i) => outcomes[i] === 'stored' || outcomes[i] === 'latest-only'));
    if (latest.length > 0) {
      await manager.query(
        `UPDATE drivers d
            SET last_latitude = x.latitude, last_longitude = x.longitude, last_accuracy = x.accuracy,
                last_heading = x.heading, last_speed = x.speed, last_recorded_at = x.recorded_at, last_source = x.source
           FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::real[], $5::smallint[], $6::real[],
                       $7::timestamptz[], $8::varchar[])
                AS x(driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, source)
          WHERE d.id = x.driver_id AND (d.last_recorded_at IS NULL OR d.last_recorded_at <= x.recorded_at)`,
        columns(latest).slice(0, 8),
      );
    }
    return outcomes;
  }

  private async knownDrivers(manager: EntityManager, rows: PositionRow[]): Promise<Set<string>> {
    const ids = [...new Set(rows.map((row) => row.driverId))];
    const found: Array<{ id: string }> = await manager.query('SELECT id FROM drivers WHERE id = ANY($1::uuid[])', [ids]);
    return new Set(found.map((row) => row.id));
  }
}

function columns(rows: PositionRow[]): unknown[] {
  return [
    rows.map((r) => r.driverId),
    rows.map((r) => r.latitude),
    rows.map((r) => r.longitude),
    rows.map((r) => r.accuracy),
    rows.map((r) => r.heading),
    rows.map((r) => r.speed),
    rows.map((r) => r.recordedAt.toISOString()),
    rows.map((r) => r.source),
    rows.map((r) => r.telegramUpdateId),
  ];
}

/** The newest row of each driver in a batch (edits can arrive out of order). */
function latestPerDriver(rows: PositionRow[]): PositionRow[] {
  const latest = new Map<string, PositionRow>();
  for (const row of rows) {
    const current = latest.get(row.driverId);
    if (!current || current.recordedAt <= row.recordedAt) latest.set(row.driverId, row);
  }
  return [...latest.values()];
}
