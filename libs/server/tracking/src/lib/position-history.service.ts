import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { PositionHistoryDto, PositionSource } from '@convoy/contracts';
import { Repository } from 'typeorm';
import { rowToPositionDto } from './driver-mapper';
import { DriversService } from './drivers.service';
import { PositionEntity } from './entities/position.entity';
import { positionRange } from './position-range';
import { isQueryTimeout, queryTimeout } from './tracking.errors';

/** Most points one JSON history answer carries (for the map); longer ranges are thinned evenly in time. */
export const HISTORY_POINT_CAP = 5000;

interface PositionRecord {
  driver_id: string;
  latitude: number;
  longitude: number;
  accuracy: number | null;
  heading: number | null;
  speed: number | null;
  recorded_at: Date;
  source: PositionSource;
}

/**
 * $1 driver, $2–$3 the range, $4 the point cap. `step` = ceil(total / cap), as the service computes it.
 * Reads only that driver's index entries of the range: the cost is the answer's, not the table's.
 */
const HISTORY_SQL = `
  WITH numbered AS (
    SELECT driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, source,
           row_number() OVER (ORDER BY recorded_at, id) AS rn, count(*) OVER () AS total
      FROM positions
     WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3
  )
  SELECT driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, source, total
    FROM numbered
   WHERE (rn - 1) % greatest(1, ceil(total / $4::float8))::bigint = 0 OR rn = total
   ORDER BY rn`;

/** A driver's track for a time range, read from Postgres on demand, thinned for the map. */
@Injectable()
export class PositionHistoryService {
  constructor(
    @InjectRepository(PositionEntity) private readonly positions: Repository<PositionEntity>,
    private readonly drivers: DriversService,
  ) {}

  async history(driverId: string, fromIso?: string, toIso?: string): Promise<PositionHistoryDto> {
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
  private async read(driverId: string, from: Date, to: Date): Promise<PositionHistoryDto> {
    const rows: Array<PositionRecord & { total: string }> = await this.positions.query(HISTORY_SQL, [driverId, from, to, HISTORY_POINT_CAP]);
    const total = rows.length > 0 ? Number(rows[0].total) : 0;
    const step = Math.max(1, Math.ceil(total / HISTORY_POINT_CAP));

    return {
      driverId,
      from: from.toISOString(),
      to: to.toISOString(),
      total,
      downsampled: step > 1,
      maxPoints: HISTORY_POINT_CAP,
      thinningStep: step,
      positions: rows.map((row) =>
        rowToPositionDto({
          driverId: row.driver_id,
          latitude: row.latitude,
          longitude: row.longitude,
          accuracy: row.accuracy,
          heading: row.heading,
          speed: row.speed,
          recordedAt: row.recorded_at,
          source: row.source,
        }),
      ),
    };
  }
}
