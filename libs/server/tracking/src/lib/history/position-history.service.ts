import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DriversService } from '../drivers.service';
import { positionRange } from '../position-range';
import { isQueryTimeout, queryTimeout } from '../tracking.errors';
import { positionHistoryJson, type PositionHistoryJson } from './position-history-json';
import { HISTORY_PACKED_SQL, type PackedHistoryRow } from './position-history.query';

export type { PositionHistoryJson } from './position-history-json';

/** Most points one JSON history answer carries (for the map); longer ranges are thinned evenly in time. */
export const HISTORY_POINT_CAP = 5000;

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
   * One statement over one driver's range: index-only scans of `positions_driver_recorded_idx` in
   * the range's partitions (pruned at planning), one to count, one to number in time order. Every
   * step-th point is kept, plus the last one, so the track keeps both ends; Postgres packs them,
   * Node writes the JSON (HISTORY_PACKED_SQL, positionHistoryJson).
   */
  private async read(driverId: string, from: Date, to: Date): Promise<PositionHistoryJson> {
    const rows: PackedHistoryRow[] = await this.dataSource.query(HISTORY_PACKED_SQL, [driverId, from, to, HISTORY_POINT_CAP]);
    return positionHistoryJson(driverId, from, to, HISTORY_POINT_CAP, rows[0]);
  }
}
