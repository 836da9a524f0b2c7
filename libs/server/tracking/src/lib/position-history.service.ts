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

  private async read(driverId: string, from: Date, to: Date): Promise<PositionHistoryDto> {
    const [{ total }]: Array<{ total: number }> = await this.positions.query(
      'SELECT count(*)::int AS total FROM positions WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3',
      [driverId, from, to],
    );
    const step = Math.max(1, Math.ceil(total / HISTORY_POINT_CAP));
    // every step-th point in time order, plus the last one, so the track keeps both ends
    const rows: PositionRecord[] = await this.positions.query(
      `SELECT driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, source
         FROM (SELECT p.*, row_number() OVER (ORDER BY recorded_at, id) AS rn
                 FROM positions p WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3) numbered
        WHERE (rn - 1) % $4 = 0 OR rn = $5
        ORDER BY rn`,
      [driverId, from, to, step, total],
    );

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
