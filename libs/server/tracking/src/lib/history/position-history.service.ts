import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { withPoolClient } from '@convoy/server/database';
import { positionRange } from '../position-range';
import { driverNotFound, isQueryTimeout, queryTimeout } from '../tracking.errors';
import { positionHistoryJson, type PositionHistoryJson } from './position-history-json';
import { HISTORY_PACKED_SQL, HISTORY_PACKED_STATEMENT, HISTORY_POINT_CAP, type PackedHistoryRow } from './position-history.query';

export type { PositionHistoryJson } from './position-history-json';

export { HISTORY_POINT_CAP } from './position-history.query';

/** A driver's track for a time range, read from Postgres on demand, thinned for the map. */
@Injectable()
export class PositionHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The PositionHistoryDto of the range, as the UTF-8 bytes of its JSON. */
  async history(driverId: string, fromIso?: string, toIso?: string): Promise<PositionHistoryJson> {
    const { from, to } = positionRange(fromIso, toIso);
    let row: PackedHistoryRow;
    try {
      row = await this.read(driverId, from, to);
    } catch (error) {
      if (isQueryTimeout(error)) throw queryTimeout();
      throw error;
    }
    if (!row.known) throw driverNotFound();
    return positionHistoryJson(driverId, from, to, HISTORY_POINT_CAP, row);
  }

  /**
   * One statement over one driver's range: index-only scans of `positions_driver_recorded_idx` in
   * the range's partitions (pruned when planned, or when the generic plan executes), one to count, one to number in time order. Every
   * step-th point is kept, plus the last one, so the track keeps both ends; Postgres packs them,
   * Node writes the JSON (HISTORY_PACKED_SQL, positionHistoryJson). Whether the driver exists comes
   * in the same row.
   */
  private read(driverId: string, from: Date, to: Date): Promise<PackedHistoryRow> {
    return withPoolClient(this.dataSource, async (client) => {
      const values = [driverId, from, to, HISTORY_POINT_CAP];
      return (await client.query<PackedHistoryRow>({ name: HISTORY_PACKED_STATEMENT, text: HISTORY_PACKED_SQL, values })).rows[0];
    });
  }
}
