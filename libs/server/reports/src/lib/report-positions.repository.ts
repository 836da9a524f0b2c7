import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReportPosition } from './trips/trip-detector';

export interface ReportDriver {
  id: string;
  name: string;
}

/** Bytes per point in the packed answer: latitude, longitude, accuracy, speed (float8), recorded_at (int8 µs). */
const POINT_BYTES = 40;
/** 2000-01-01, where Postgres counts timestamps from, in µs since 1970. */
const PG_EPOCH_US = 946_684_800_000_000;

/**
 * The range as one packed value: per point its four numbers as big-endian float8 and the time as
 * Postgres's own int8 of µs since 2000, in time order, hex-encoded. One row instead of 86,400 per day:
 * no per-row protocol message, no per-field string and number parsing in Node.
 * - `real` accuracy/speed go through their text form (`::text::float8`) so the double is the one
 *   pg's own float parser made of the text before, not the float4 widened; null is sent as NaN.
 * - The time is exact: µs as an integer (< 2^53), divided by 1000 once, equals
 *   `(extract(epoch FROM recorded_at) * 1000)::float8`.
 */
export const POSITIONS_SQL = `SELECT encode(string_agg(
           float8send(latitude) || float8send(longitude)
        || float8send(coalesce(accuracy::text::float8, 'NaN')) || float8send(coalesce(speed::text::float8, 'NaN'))
        || timestamptz_send(recorded_at), '' ORDER BY recorded_at), 'hex') AS packed
    FROM positions
   WHERE driver_id = $1 AND recorded_at >= $2 AND recorded_at < $3`;

/** The points of a packed answer (see POSITIONS_SQL), oldest first. */
export function unpackPositions(hex: string | null): ReportPosition[] {
  if (!hex) return [];
  const bytes = Buffer.from(hex, 'hex');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const positions: ReportPosition[] = new Array(bytes.byteLength / POINT_BYTES);
  for (let i = 0, at = 0; i < positions.length; i++, at += POINT_BYTES) {
    const accuracy = view.getFloat64(at + 16);
    const speed = view.getFloat64(at + 24);
    const us = view.getInt32(at + 32) * 4_294_967_296 + view.getUint32(at + 36);
    positions[i] = {
      lat: view.getFloat64(at),
      lon: view.getFloat64(at + 8),
      accuracy: Number.isNaN(accuracy) ? null : accuracy,
      speed: Number.isNaN(speed) ? null : speed,
      t: (us + PG_EPOCH_US) / 1000,
    };
  }
  return positions;
}

/** A range is read in slices of at most this long, so one packed answer stays a few MB (a day of 1-s points: 7 MB of hex). */
const SLICE_MS = 86_400_000;

/**
 * Reads history for reports by SQL through the DataSource (the positions lib owns the table): one
 * driver's range, served by the `(driver_id, recorded_at DESC)` index — the cost is what the range
 * holds, not what the table holds. The points come packed (see POSITIONS_SQL): decoding 86,400 rows
 * was most of a day's report before (docs/architecture.md "Reports").
 */
@Injectable()
export class ReportPositionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async positions(driverId: string, from: number, to: number): Promise<ReportPosition[]> {
    const slices: ReportPosition[][] = [];
    for (let start = from; start < to; start += SLICE_MS) {
      const end = Math.min(to, start + SLICE_MS);
      const [row]: { packed: string | null }[] = await this.db.query(POSITIONS_SQL, [driverId, new Date(start), new Date(end)]);
      slices.push(unpackPositions(row?.packed ?? null));
    }
    return slices.length === 1 ? slices[0] : slices.flat();
  }

  async drivers(driverId?: string): Promise<ReportDriver[]> {
    return driverId
      ? this.db.query(`SELECT id, name FROM drivers WHERE id = $1`, [driverId])
      : this.db.query(`SELECT id, name FROM drivers ORDER BY lower(name), id`);
  }
}
