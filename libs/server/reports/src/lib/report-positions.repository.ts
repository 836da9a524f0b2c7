import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { withPoolClient } from '@convoy/server/database';
import { copyTo } from './pg-copy-to';
import { allocateTrack, concatTracks, EMPTY_TRACK, type PositionTrack } from './trips/position-track';

export interface ReportDriver {
  id: string;
  name: string;
  /** Their data was erased: nothing of theirs is kept (prepared summaries). */
  erased?: boolean;
}

/** Bytes per point in the packed answer: latitude, longitude, accuracy, speed (float8), recorded_at (int8 µs). */
const POINT_BYTES = 40;
/** 2000-01-01, where Postgres counts timestamps from, in µs since 1970. */
const PG_EPOCH_US = 946_684_800_000_000;

/**
 * The range as one packed value: per point its four numbers as big-endian float8 and the time as
 * Postgres's own int8 of µs since 2000, in time order. One value instead of 86,400 rows per day: no
 * per-row protocol message, no per-field string and number parsing in Node. It is sent by
 * `COPY … TO STDOUT (FORMAT binary)` (`readPacked`): the bytes themselves, with no hex encoding in
 * Postgres and no 2-characters-a-byte string for Node to receive and decode (node-pg's `binary`
 * result mode would not do: its parser turns every value into a UTF-8 string first).
 * - The points are aggregated in the order of an ordered subquery (the backward index-only scan
 *   gives it, no sort), not with `string_agg(… ORDER BY …)`, which sorts again on PG 15.
 * - `real` accuracy/speed go through their text form (`::text::float8`) so the double is the one
 *   pg's own float parser made of the text before, not the float4 widened; null is sent as NaN.
 * - The time is exact: µs as an integer (< 2^53), divided by 1000 once, equals
 *   `(extract(epoch FROM recorded_at) * 1000)::float8`.
 * COPY takes no parameters: the caller passes the literals, quoted (`readPacked`).
 */
export const positionsCopySql = (driverId: string, from: string, to: string) => `COPY (SELECT string_agg(
           float8send(latitude) || float8send(longitude)
        || float8send(coalesce(accuracy::text::float8, 'NaN')) || float8send(coalesce(speed::text::float8, 'NaN'))
        || timestamptz_send(recorded_at), '') AS packed
    FROM (SELECT latitude, longitude, accuracy, speed, recorded_at FROM positions
           WHERE driver_id = ${driverId}::uuid AND recorded_at >= ${from}::timestamptz AND recorded_at < ${to}::timestamptz
           ORDER BY recorded_at) AS points) TO STDOUT (FORMAT binary)`;

/** The pg client surface `readPacked` needs (a pooled or a plain node-pg client). */
export interface PackedQueryClient {
  escapeLiteral(text: string): string;
  query<T>(stream: T): T;
}

/** `PGCOPY\n\377\r\n\0`, then int32 flags and int32 header-extension length (binary COPY format). */
const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** One driver's range as the packed bytes (see positionsCopySql); null: no points. */
export async function readPacked(client: PackedQueryClient, driverId: string, from: Date, to: Date): Promise<Buffer | null> {
  const sql = positionsCopySql(client.escapeLiteral(driverId), client.escapeLiteral(from.toISOString()), client.escapeLiteral(to.toISOString()));
  const chunks: Buffer[] = [];
  for await (const chunk of client.query(copyTo(sql)) as AsyncIterable<Buffer>) chunks.push(chunk);
  return packedValue(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
}

/** The one value of a binary COPY of one row and one bytea column. */
export function packedValue(copy: Buffer): Buffer | null {
  if (copy.length < 19 || !copy.subarray(0, 11).equals(COPY_SIGNATURE)) throw new Error('positions: not a binary COPY answer');
  let at = 19 + copy.readInt32BE(15); // past the header extension
  if (copy.readInt16BE(at) !== 1) throw new Error('positions: the packed COPY answer is not one row of one column');
  const length = copy.readInt32BE(at + 2);
  at += 6;
  return length < 0 ? null : copy.subarray(at, at + length);
}

/** The points of a packed answer (see positionsCopySql), oldest first, as columns (NaN: unknown). */
export function unpackPositions(bytes: Buffer | null): PositionTrack {
  if (!bytes) return EMPTY_TRACK;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const track = allocateTrack(bytes.byteLength / POINT_BYTES);
  const { lat, lon, accuracy, speed, t } = track;
  for (let i = 0, at = 0; i < track.length; i++, at += POINT_BYTES) {
    lat[i] = view.getFloat64(at);
    lon[i] = view.getFloat64(at + 8);
    accuracy[i] = view.getFloat64(at + 16);
    speed[i] = view.getFloat64(at + 24);
    t[i] = (view.getInt32(at + 32) * 4_294_967_296 + view.getUint32(at + 36) + PG_EPOCH_US) / 1000;
  }
  return track;
}

/** A range is read in slices of at most this long, so one packed answer stays a few MB (a day of 1-s points: 3.5 MB). */
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

  async positions(driverId: string, from: number, to: number): Promise<PositionTrack> {
    // node-pg's own client for the binary-format read (DataSource.query has no query config)
    return withPoolClient(this.db, async (client) => {
      const slices: PositionTrack[] = [];
      for (let start = from; start < to; start += SLICE_MS) {
        const end = Math.min(to, start + SLICE_MS);
        slices.push(unpackPositions(await readPacked(client, driverId, new Date(start), new Date(end))));
      }
      return concatTracks(slices);
    });
  }

  async drivers(driverId?: string): Promise<ReportDriver[]> {
    return driverId
      ? this.db.query(`SELECT id, name, erased_at IS NOT NULL AS erased FROM drivers WHERE id = $1`, [driverId])
      : this.db.query(`SELECT id, name, erased_at IS NOT NULL AS erased FROM drivers ORDER BY lower(name), id`);
  }
}
