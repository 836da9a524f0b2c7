import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReportPosition } from './trips/trip-detector';

export interface ReportDriver {
  id: string;
  name: string;
}

/** The pg client a TypeORM query runner holds (only what this file calls). */
interface PgClient {
  query(config: { text: string; values: unknown[]; rowMode: 'array'; types: { getTypeParser: () => (value: string) => unknown } }): Promise<{
    rows: (string | null)[][];
  }>;
}

/**
 * Every column is a number sent as text: parse it with `Number` ourselves (`float8`/`float4` text is the
 * shortest round-trip form, so this is exactly what pg's own float parser gives) and skip pg's per-type
 * lookup. Timestamps arrive as epoch ms (`extract(epoch …)`), never as a `Date` to parse.
 */
const AS_TEXT = { getTypeParser: () => (value: string) => value };
const num = (value: string | null): number | null => (value === null ? null : Number(value));

const POSITIONS_SQL = `SELECT latitude, longitude, accuracy, speed, (extract(epoch FROM recorded_at) * 1000)::float8
    FROM positions
   WHERE driver_id = $1 AND recorded_at >= $2 AND recorded_at < $3
   ORDER BY recorded_at`;

/**
 * Reads history for reports by SQL through the DataSource (the positions lib owns the table): one
 * driver's range, served by the `(driver_id, recorded_at DESC)` index scanned backwards — the cost is
 * what the range holds, not what the table holds. Rows come as arrays (`rowMode: 'array'`) on the
 * runner's pg client: a day of 1-s points is 86,400 rows, and TypeORM's and pg's per-row object
 * building was most of a report's time (docs/architecture.md "Reports").
 */
@Injectable()
export class ReportPositionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async positions(driverId: string, from: number, to: number): Promise<ReportPosition[]> {
    const runner = this.db.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as PgClient;
      const { rows } = await client.query({
        text: POSITIONS_SQL,
        values: [driverId, new Date(from).toISOString(), new Date(to).toISOString()],
        rowMode: 'array',
        types: AS_TEXT,
      });
      const positions: ReportPosition[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        positions[i] = { lat: Number(row[0]), lon: Number(row[1]), accuracy: num(row[2]), speed: num(row[3]), t: Number(row[4]) };
      }
      return positions;
    } finally {
      await runner.release();
    }
  }

  async drivers(driverId?: string): Promise<ReportDriver[]> {
    return driverId
      ? this.db.query(`SELECT id, name FROM drivers WHERE id = $1`, [driverId])
      : this.db.query(`SELECT id, name FROM drivers ORDER BY lower(name), id`);
  }
}
