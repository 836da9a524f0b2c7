import type { Client } from 'pg';

/** Rows per transaction, as in Convoy's PositionWriter. */
export const MAX_BATCH_ROWS = 1000;

export interface MinimalRow {
  driverId: string;
  latitude: number;
  longitude: number;
  accuracy: number | null;
  heading: number | null;
  recordedAt: Date;
  source: string;
  telegramUpdateId: number;
}

interface Pending {
  row: MinimalRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The baseline's group commit on one connection: idle → write at once; while a write is in flight,
 * collect; the next write takes everything collected (≤ MAX_BATCH_ROWS). One transaction: history
 * INSERT … SELECT unnest(…) (a re-delivered update_id is skipped) + latest position per driver.
 * `onCommit` gets the rows that were inserted, once per commit.
 */
export class MinimalWriter {
  private queue: Pending[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly client: Client,
    private readonly onCommit: (rows: MinimalRow[]) => void,
  ) {}

  write(row: MinimalRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.draining ??= this.drain().finally(() => (this.draining = null));
    });
  }

  async flushed(): Promise<void> {
    await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH_ROWS);
      const rows = batch.map((p) => p.row);
      try {
        const inserted = await this.commit(rows);
        for (const pending of batch) pending.resolve();
        const fresh = rows.filter((row) => inserted.has(row.telegramUpdateId));
        if (fresh.length > 0) this.onCommit(fresh);
      } catch (error) {
        await this.client.query('ROLLBACK').catch(() => undefined);
        for (const pending of batch) pending.reject(error);
      }
    }
  }

  private async commit(rows: MinimalRow[]): Promise<Set<number>> {
    await this.client.query('BEGIN');
    const result = await this.client.query<{ telegram_update_id: string }>(
      `INSERT INTO positions (driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, source, telegram_update_id)
       SELECT * FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::real[], $5::smallint[], $6::real[],
                            $7::timestamptz[], $8::varchar[], $9::bigint[])
       ON CONFLICT DO NOTHING
       RETURNING telegram_update_id`,
      [
        rows.map((r) => r.driverId),
        rows.map((r) => r.latitude),
        rows.map((r) => r.longitude),
        rows.map((r) => r.accuracy),
        rows.map((r) => r.heading),
        rows.map(() => null),
        rows.map((r) => r.recordedAt.toISOString()),
        rows.map((r) => r.source),
        rows.map((r) => r.telegramUpdateId),
      ],
    );
    const latest = new Map<string, MinimalRow>();
    for (const row of rows) {
      const current = latest.get(row.driverId);
      if (!current || current.recordedAt <= row.recordedAt) latest.set(row.driverId, row);
    }
    const last = [...latest.values()];
    await this.client.query(
      `UPDATE drivers d
          SET last_latitude = x.latitude, last_longitude = x.longitude, last_accuracy = x.accuracy,
              last_heading = x.heading, last_recorded_at = x.recorded_at, last_source = x.source
         FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::real[], $5::smallint[], $6::timestamptz[], $7::varchar[])
              AS x(driver_id, latitude, longitude, accuracy, heading, recorded_at, source)
        WHERE d.id = x.driver_id AND (d.last_recorded_at IS NULL OR d.last_recorded_at <= x.recorded_at)`,
      [
        last.map((r) => r.driverId),
        last.map((r) => r.latitude),
        last.map((r) => r.longitude),
        last.map((r) => r.accuracy),
        last.map((r) => r.heading),
        last.map((r) => r.recordedAt.toISOString()),
        last.map((r) => r.source),
      ],
    );
    await this.client.query('COMMIT');
    return new Set(result.rows.map((row) => Number(row.telegram_update_id)));
  }
}
