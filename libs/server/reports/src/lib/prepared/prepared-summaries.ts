import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SummaryRowDto } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { LATE_POSITION_AFTER_S, LATE_WRITE_CLOCK_MARGIN_S } from '@convoy/server/tracking';
import type { DataSource, EntityManager } from 'typeorm';
import type { ReportRange } from '../report-range';
import type { TripRules } from '../trips/trip-rules';

/** A summary row without the driver's name (read from the driver at every answer). */
export type PreparedRow = Omit<SummaryRowDto, 'driverName'>;

/** A range whose rows may be kept: the rows found, and the clock to store new ones with. */
export interface PreparedRange {
  range: ReportRange;
  rules: string;
  /** The database's clock before any point of this answer was read. */
  computedAt: Date;
  rows: Map<string, PreparedRow>;
}

/** How long after its end a range is closed: no point can land in it unnoticed any more. */
export const CLOSED_AFTER_MS = (LATE_POSITION_AFTER_S + LATE_WRITE_CLOCK_MARGIN_S) * 1000;

/** The thresholds as the key of the rows computed with them. */
export const rulesKey = (rules: TripRules): string =>
  [rules.minimalParkingDurationS, rules.minimalTripDistanceM, rules.minimalTripDurationS, rules.minimalNoDataDurationS, rules.movingSpeedKmh].join('/');

interface StoredRow {
  driver_id: string;
  distance_m: number;
  driving_s: number;
  stopped_s: number;
  trips: number;
  stops: number;
  max_speed_kmh: number;
  first_position_at: Date | null;
  last_position_at: Date | null;
}

/**
 * Fleet-summary rows of whole closed days, kept in `prepared_summaries` so a day's summary for 500
 * drivers (8.6 M points, ~10 s of CPU to recompute) answers from a table. A row stands until a point
 * lands in its range after it was computed: PositionWriter notes such late points per driver and
 * hour (`position_late_writes`), and a row with a late write at or after its computation (less the
 * clock margin) is computed again. Only ranges of whole days, given as days and ended over
 * CLOSED_AFTER_MS ago, are kept — so nothing that is still being written is ever kept — and only
 * within RETENTION_DAYS (older days lose their points). Erased drivers are never kept.
 * docs/architecture.md "Prepared summaries".
 */
@Injectable()
export class PreparedSummaries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The kept rows of `range` still valid, or null when the range is not one to keep. */
  async lookup(range: ReportRange, rules: TripRules, driverIds?: string[]): Promise<PreparedRange | null> {
    if (!range.wholeDays) return null;
    const [{ now }] = (await this.db.query(`SELECT statement_timestamp() AS now`)) as [{ now: Date }];
    if (range.to > now.getTime() - CLOSED_AFTER_MS) return null;
    if (range.from < now.getTime() - this.config.tracking.retentionDays * 86_400_000) return null;
    const key = rulesKey(rules);
    const rows = (await this.db.query(
      `SELECT s.driver_id, s.distance_m, s.driving_s, s.stopped_s, s.trips, s.stops, s.max_speed_kmh, s.first_position_at, s.last_position_at
         FROM prepared_summaries s
        WHERE s.rules = $1 AND s.range_from = $2 AND s.range_to = $3 AND ($4::uuid[] IS NULL OR s.driver_id = ANY($4))
          AND NOT EXISTS (
                SELECT 1 FROM position_late_writes w
                 WHERE w.driver_id = s.driver_id AND w.hour < s.range_to AND w.hour > s.range_from - interval '1 hour'
                   AND w.written_at >= s.computed_at - make_interval(secs => ${LATE_WRITE_CLOCK_MARGIN_S}))`,
      [key, new Date(range.from), new Date(range.to), driverIds ?? null],
    )) as StoredRow[];
    return { range, rules: key, computedAt: now, rows: new Map(rows.map((row) => [row.driver_id, fromStored(row)])) };
  }

  /** Keeps rows computed for a range `lookup` returned (replacing older ones). */
  async store(prepared: PreparedRange, rows: PreparedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const column = <T>(pick: (row: PreparedRow) => T) => rows.map(pick);
    await this.db.query(
      `INSERT INTO prepared_summaries (rules, range_from, range_to, computed_at, driver_id, distance_m, driving_s, stopped_s, trips, stops,
                                       max_speed_kmh, first_position_at, last_position_at)
       SELECT $1, $2, $3, $4, r.*
         FROM unnest($5::uuid[], $6::float8[], $7::float8[], $8::float8[], $9::int[], $10::int[], $11::float8[], $12::timestamptz[], $13::timestamptz[])
              AS r(driver_id, distance_m, driving_s, stopped_s, trips, stops, max_speed_kmh, first_position_at, last_position_at)
        WHERE EXISTS (SELECT 1 FROM drivers d WHERE d.id = r.driver_id AND d.erased_at IS NULL)
        ORDER BY r.driver_id
       ON CONFLICT (rules, range_from, range_to, driver_id) DO UPDATE
          SET computed_at = excluded.computed_at, distance_m = excluded.distance_m, driving_s = excluded.driving_s,
              stopped_s = excluded.stopped_s, trips = excluded.trips, stops = excluded.stops, max_speed_kmh = excluded.max_speed_kmh,
              first_position_at = excluded.first_position_at, last_position_at = excluded.last_position_at
        WHERE prepared_summaries.computed_at <= excluded.computed_at`,
      [
        prepared.rules,
        new Date(prepared.range.from),
        new Date(prepared.range.to),
        prepared.computedAt,
        column((r) => r.driverId),
        column((r) => r.distanceM),
        column((r) => r.drivingS),
        column((r) => r.stoppedS),
        column((r) => r.trips),
        column((r) => r.stops),
        column((r) => r.maxSpeedKmh),
        column((r) => r.firstPositionAt),
        column((r) => r.lastPositionAt),
      ],
    );
  }

  /**
   * Drops rows no answer can use any more: ranges that began before RETENTION_DAYS (their points are
   * going), rows of other thresholds a day after they were computed (a config change; a day leaves a
   * rolling deploy's old replicas their rows), and any row of an erased driver (one stored by a summary
   * that raced the erasure). Returns the rows deleted.
   */
  async prune(rules: TripRules): Promise<number> {
    const [, deleted] = (await this.db.query(
      `DELETE FROM prepared_summaries
        WHERE range_from < statement_timestamp() - make_interval(days => $1)
           OR (rules <> $2 AND computed_at < statement_timestamp() - interval '1 day')
           OR driver_id IN (SELECT id FROM drivers WHERE erased_at IS NOT NULL)`,
      [this.config.tracking.retentionDays, rulesKey(rules)],
    )) as [unknown, number];
    return deleted;
  }

  /** A driver's erasure forgets their kept rows too (same transaction as their positions). */
  async eraseDriverWithin(manager: EntityManager, driverId: string): Promise<void> {
    await manager.query(`DELETE FROM prepared_summaries WHERE driver_id = $1`, [driverId]);
  }
}

function fromStored(row: StoredRow): PreparedRow {
  return {
    driverId: row.driver_id,
    distanceM: row.distance_m,
    drivingS: row.driving_s,
    stoppedS: row.stopped_s,
    trips: row.trips,
    stops: row.stops,
    maxSpeedKmh: row.max_speed_kmh,
    firstPositionAt: row.first_position_at?.toISOString() ?? null,
    lastPositionAt: row.last_position_at?.toISOString() ?? null,
  };
}
