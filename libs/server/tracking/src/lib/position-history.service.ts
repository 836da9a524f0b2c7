import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DriversService } from './drivers.service';
import { positionRange } from './position-range';
import { isQueryTimeout, queryTimeout } from './tracking.errors';

/** Most points one JSON history answer carries (for the map); longer ranges are thinned evenly in time. */
export const HISTORY_POINT_CAP = 5000;

/** A PositionHistoryDto (contracts) already serialised: the body of the JSON answer as it is sent. */
export type PositionHistoryJson = string & { readonly __positionHistoryJson: never };

/**
 * $1 driver, $2–$3 the range, $4 the point cap, $5–$6 the range as ISO text. `step` = ceil(total / cap).
 * Reads only that driver's index entries of the range: the cost is the answer's, not the table's.
 * Postgres writes the whole PositionHistoryDto as JSON text (keys in the DTO's order, times as
 * `Date.toISOString()` writes them, battery/altitude null as the map's history never carried them):
 * the API neither parses rows nor builds objects nor serialises them again.
 */
const HISTORY_JSON_SQL = `
  WITH numbered AS (
    SELECT latitude, longitude, accuracy, heading, speed, recorded_at, source,
           row_number() OVER (ORDER BY recorded_at, id) AS rn, count(*) OVER () AS total
      FROM positions
     WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3
  ), sized AS (
    SELECT coalesce(max(total), 0) AS total, greatest(1, ceil(coalesce(max(total), 0) / $4::float8))::bigint AS step FROM numbered
  )
  SELECT json_build_object(
           'driverId', $1::text, 'from', $5::text, 'to', $6::text, 'total', sized.total, 'downsampled', sized.step > 1,
           'maxPoints', $4::int, 'thinningStep', sized.step,
           'positions', coalesce((
             SELECT json_agg(json_build_object(
                      'driverId', $1::text, 'latitude', latitude, 'longitude', longitude, 'accuracy', accuracy,
                      'heading', heading, 'speed', speed,
                      'recordedAt', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                      'source', source, 'battery', NULL, 'altitude', NULL) ORDER BY rn)
               FROM numbered
              WHERE (rn - 1) % sized.step = 0 OR rn = total), '[]'::json)
         )::text AS body
    FROM sized`;

/** A driver's track for a time range, read from Postgres on demand, thinned for the map. */
@Injectable()
export class PositionHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drivers: DriversService,
  ) {}

  /** The PositionHistoryDto of the range, as JSON text. */
  async history(driverId: string, fromIso?: string, toIso?: string): Promise<PositionHistoryJson> {
    const { from, to } = positionRange(fromIso, toIso);
    await this.drivers.entity(driverId); // 404 for an unknown driver
    try {
      return await this.read(driverId, from, to);
    } catch (error) {
      if (isQueryTimeout(error)) throw queryTimeout();
      throw error;
    }
  }

  /**
   * One statement over one driver's range: an index-only scan of `positions_driver_recorded_idx` in
   * the range's partitions (pruned at planning), counted and numbered in the same pass. Every step-th
   * point in time order is kept, plus the last one, so the track keeps both ends.
   */
  private async read(driverId: string, from: Date, to: Date): Promise<PositionHistoryJson> {
    const rows: Array<{ body: string }> = await this.dataSource.query(HISTORY_JSON_SQL, [
      driverId,
      from,
      to,
      HISTORY_POINT_CAP,
      from.toISOString(),
      to.toISOString(),
    ]);
    return rows[0].body as PositionHistoryJson;
  }
}
