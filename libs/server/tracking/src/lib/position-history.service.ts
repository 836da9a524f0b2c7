import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { PositionHistoryDto, PositionSource } from '@convoy/contracts';
import { Repository } from 'typeorm';
import { rowToPositionDto } from './driver-mapper';
import { DriversService } from './drivers.service';
import { PositionEntity } from './entities/position.entity';
import { MAX_CLOCK_SKEW_MS } from './ingest/location-validation';

/** Most points one history answer carries; longer ranges are thinned evenly in time. */
export const HISTORY_POINT_CAP = 5000;
const DAY_MS = 86_400_000;

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

/** A driver's track for a time range, read from Postgres on demand. */
@Injectable()
export class PositionHistoryService {
  constructor(
    @InjectRepository(PositionEntity) private readonly positions: Repository<PositionEntity>,
    private readonly drivers: DriversService,
  ) {}

  async history(driverId: string, fromIso?: string, toIso?: string): Promise<PositionHistoryDto> {
    await this.drivers.entity(driverId); // 404 for an unknown driver
    // default end: now, plus the clock skew ingest accepts, so a device slightly ahead is included
    const to = toIso ? new Date(toIso) : new Date(Date.now() + MAX_CLOCK_SKEW_MS);
    const from = fromIso ? new Date(fromIso) : new Date(to.getTime() - DAY_MS);
    if (from > to) throw new BadRequestException('`from` must be before `to`');

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
