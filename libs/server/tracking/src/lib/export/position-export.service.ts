import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { DriversService } from '../drivers.service';
import { positionRange } from '../position-range';
import { isQueryTimeout, queryTimeout } from '../tracking.errors';
import type { ExportFormat, ExportPoint } from './position-export';

/** Rows per cursor fetch: what an export holds in memory at most, besides the socket's buffer. */
const FETCH_ROWS = 2000;
let cursorCount = 0;

const POINTS_SQL = `
  SELECT recorded_at, latitude, longitude, accuracy, speed, heading, source
    FROM positions
   WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3
   ORDER BY recorded_at, id`;

export interface PositionExportFile {
  filename: string;
  contentType: string;
  /** The file, produced while it is sent; destroying it ends the query and frees the connection. */
  stream: Readable;
}

/**
 * Exports every stored point of a range (no thinning), streamed: a Postgres cursor (`DECLARE …
 * CURSOR`) is read FETCH_ROWS at a time and the next FETCH waits until the client took what was
 * sent (back-pressure), so memory stays flat whatever the range holds. One connection per export,
 * in a read-only REPEATABLE READ transaction (GeoJSON reads the range twice and both passes see the
 * same points). Each FETCH is a statement of its own under the pool's statement_timeout: a
 * protocol-level portal (pg-cursor / pg-query-stream) counts the whole download against it on
 * Postgres 15 and was cut off after 30 s of a month's export (bench/README.md).
 */
@Injectable()
export class PositionExportService {
  private readonly logger = new Logger(PositionExportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drivers: DriversService,
  ) {}

  async open(driverId: string, format: ExportFormat, fromIso?: string, toIso?: string): Promise<PositionExportFile> {
    const { from, to } = positionRange(fromIso, toIso);
    const driver = await this.drivers.entity(driverId); // 404 for an unknown driver
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    let total: number;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const counted = await client.query<{ total: number }>(
        'SELECT count(*)::int AS total FROM positions WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3',
        [driverId, from, to],
      );
      total = counted.rows[0].total;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      await runner.release();
      if (isQueryTimeout(error)) throw queryTimeout();
      throw error;
    }

    const points = () => cursorRows(client, POINTS_SQL, [driverId, from, to]);
    const chunks = format.render({ driverId, driverName: driver.name, from, to, total, points });
    const logger = this.logger;
    const stream = Readable.from(
      (async function* () {
        let completed = false;
        try {
          yield* chunks;
          completed = true;
        } catch (error) {
          logger.warn(`Export of driver ${driverId} failed after it started: ${(error as Error).message}`);
          throw error;
        } finally {
          // a download aborted midway ends here too (the stream is destroyed): the cursor is closed by then
          await client.query(completed ? 'COMMIT' : 'ROLLBACK').catch(() => undefined);
          await runner.release();
        }
      })(),
      { objectMode: false, highWaterMark: 64 * 1024 },
    );
    const safeName = driver.name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'driver';
    return { filename: `${safeName}-${from.toISOString().slice(0, 10)}.${format.extension}`, contentType: format.contentType, stream };
  }
}

/** The rows of `sql`, fetched FETCH_ROWS at a time through a cursor of the open transaction; closed when done or abandoned. */
async function* cursorRows(client: PoolClient, sql: string, params: unknown[]): AsyncIterable<ExportPoint> {
  const cursor = `position_export_${++cursorCount}`;
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
  try {
    for (;;) {
      const { rows } = await client.query<ExportPoint>(`FETCH ${FETCH_ROWS} FROM ${cursor}`);
      if (rows.length === 0) return;
      yield* rows;
    }
  } finally {
    await client.query(`CLOSE ${cursor}`).catch(() => undefined);
  }
}
