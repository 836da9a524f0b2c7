import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { PassThrough, Readable } from 'node:stream';
import type { DataSource, QueryRunner } from 'typeorm';
import { DriversService } from '../drivers.service';
import { positionRange } from '../position-range';
import { isQueryTimeout, queryTimeout } from '../tracking.errors';
import type { ExportFormat, ExportPoint } from './position-export';

// pg-copy-streams ships no types: `to(sql)` is a pg Submittable that is also the Readable of the COPY's bytes
const { to: copyTo } = require('pg-copy-streams') as { to: (sql: string) => Readable & { submit(connection: unknown): void } };

/** Rows per cursor fetch (GPX, GeoJSON): what an export holds in memory at most, besides the socket's buffer. */
const FETCH_ROWS = 2000;
let cursorCount = 0;

const POINTS_SQL = `
  SELECT recorded_at, latitude, longitude, accuracy, speed, heading, source
    FROM positions
   WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3
   ORDER BY recorded_at, id`;

/**
 * A COPY is one statement: its statement_timeout would count the whole download. It gets the pool's
 * timeout plus the time a client taking at least this many rows per second needs (≈ 120 kB/s of
 * CSV); a slower or stalled client is cut off instead of holding a connection for ever.
 */
const COPY_MIN_CLIENT_ROWS_PER_SECOND = 2000;

export interface PositionExportFile {
  filename: string;
  contentType: string;
  /** The file, produced while it is sent; destroying it ends the query and frees the connection. */
  stream: Readable;
}

/**
 * Exports every stored point of a range (no thinning), streamed, on one connection per export in a
 * read-only REPEATABLE READ transaction (GeoJSON reads the range twice and both passes see the same
 * points; the count and the rows agree).
 * - CSV is written by Postgres: `COPY (SELECT …) TO STDOUT` (pg-copy-streams), its bytes piped to the
 *   reply with back-pressure (Postgres waits on the socket while the client is slow). A download
 *   aborted midway closes that connection (the only way out of COPY OUT is to read it to the end):
 *   the backend ends, the pool opens a fresh one when needed.
 * - GPX and GeoJSON are rendered in Node from a cursor (`DECLARE … CURSOR`) read FETCH_ROWS at a
 *   time, the next FETCH waiting until the client took what was sent. Each FETCH is a statement of
 *   its own under the pool's statement_timeout: a protocol-level portal (pg-cursor / pg-query-stream)
 *   counts the whole download against it on Postgres 15 (bench/README.md).
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
      if (format.kind === 'copied') {
        await client.query('SET LOCAL extra_float_digits = 1'); // shortest round-trip floats, what convoy_js_number expects
        await client.query(
          `SELECT set_config('statement_timeout', (CASE WHEN setting::bigint = 0 THEN 0 ELSE setting::bigint + $1::bigint END)::text, true)
             FROM pg_settings WHERE name = 'statement_timeout'`,
          [Math.ceil((total * 1000) / COPY_MIN_CLIENT_ROWS_PER_SECOND)],
        );
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      await runner.release();
      if (isQueryTimeout(error)) throw queryTimeout();
      throw error;
    }

    const stream =
      format.kind === 'copied'
        ? this.copied(runner, client, format.copySql({ driverId, from, to }, (value) => client.escapeLiteral(value)), driverId)
        : this.rendered(runner, client, format.render({ driverId, driverName: driver.name, from, to, total, points: () => cursorRows(client, POINTS_SQL, [driverId, from, to]) }), driverId);
    const safeName = driver.name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'driver';
    return { filename: `${safeName}-${from.toISOString().slice(0, 10)}.${format.extension}`, contentType: format.contentType, stream };
  }

  /** The bytes of a COPY, forwarded; the transaction ends when Postgres finished, or the connection is closed if the client left first. */
  private copied(runner: QueryRunner, client: PoolClient, sql: string, driverId: string): Readable {
    const copy = client.query(copyTo(sql) as never) as unknown as Readable;
    const out = new PassThrough({ highWaterMark: 64 * 1024 });
    let settled = false;
    const settle = (how: () => Promise<unknown>) => {
      if (settled) return;
      settled = true;
      how().catch((error) => this.logger.warn(`Export of driver ${driverId}: releasing its connection failed: ${(error as Error).message}`));
    };
    copy.once('end', () =>
      settle(async () => {
        await client.query('COMMIT');
        await runner.release();
      }),
    );
    copy.on('error', (error) => {
      if (settled) return; // the connection was closed on purpose (client gone)
      this.logger.warn(`Export of driver ${driverId} failed after it started: ${error.message}`);
      out.destroy(error);
      settle(async () => {
        await client.query('ROLLBACK').catch(() => undefined);
        await runner.release();
      });
    });
    out.once('close', () =>
      settle(async () => {
        // the client left mid-COPY: Postgres keeps writing until the connection closes
        copy.unpipe(out);
        await (runner as QueryRunner & { releasePostgresConnection(error: Error): Promise<void> }).releasePostgresConnection(
          new Error('export aborted by the client'),
        );
        (client as PoolClient & { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      }),
    );
    copy.pipe(out);
    return out;
  }

  /** A format rendered in Node from the cursor's points; the transaction ends when the stream ends or is destroyed. */
  private rendered(runner: QueryRunner, client: PoolClient, chunks: AsyncIterable<string>, driverId: string): Readable {
    const logger = this.logger;
    return Readable.from(
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
