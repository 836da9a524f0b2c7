import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReportPosition } from './trips/trip-detector';

export interface ReportDriver {
  id: string;
  name: string;
}

/**
 * Reads history for reports by SQL through the DataSource (the positions lib owns the table): one
 * driver's range, served by the `(driver_id, recorded_at DESC)` index scanned backwards — the cost is
 * what the range holds, not what the table holds.
 */
@Injectable()
export class ReportPositionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async positions(driverId: string, from: number, to: number): Promise<ReportPosition[]> {
    const rows: { lat: number; lon: number; accuracy: number | null; speed: number | null; t: number }[] = await this.db.query(
      `SELECT latitude AS lat, longitude AS lon, accuracy, speed, (extract(epoch FROM recorded_at) * 1000)::float8 AS t
         FROM positions
        WHERE driver_id = $1 AND recorded_at >= $2 AND recorded_at < $3
        ORDER BY recorded_at`,
      [driverId, new Date(from), new Date(to)],
    );
    return rows;
  }

  async drivers(driverId?: string): Promise<ReportDriver[]> {
    return driverId
      ? this.db.query(`SELECT id, name FROM drivers WHERE id = $1`, [driverId])
      : this.db.query(`SELECT id, name FROM drivers ORDER BY lower(name), id`);
  }
}
