import type { NewConvoyEvent } from '@convoy/contracts';
import type { PositionCommitContribution, PositionCommitParticipant, PositionRow } from '@convoy/server/tracking';
import type { PoolClient } from 'pg';
import { speedingSegments, type SpeedingReport, type SpeedingSegments } from './speeding/speeding-spells';

/** m/s (what positions store) → km/h (what SPEEDING_KMH says). */
const KMH_PER_MS = 3.6;

/** One driver's share of a batch: the first point (for `driver.back`) and the speeding segments. */
export interface DriverBatch {
  driverId: string;
  first: PositionRow;
  segments: SpeedingSegments;
}

/** Groups a batch by driver; `thresholdKmh` 0 leaves speeding out. Pure, for the tests. */
export function driverBatches(rows: readonly PositionRow[], thresholdKmh: number): DriverBatch[] {
  const byDriver = new Map<string, PositionRow[]>();
  for (const row of rows) {
    const list = byDriver.get(row.driverId);
    if (list) list.push(row);
    else byDriver.set(row.driverId, [row]);
  }
  const none: SpeedingSegments = { head: [], broke: false, tail: null, reports: [] };
  return [...byDriver].map(([driverId, list]) => {
    const first = list.reduce((a, b) => (b.recordedAt < a.recordedAt ? b : a));
    const segments =
      thresholdKmh > 0
        ? speedingSegments(
            list.map((row) => ({
              at: row.recordedAt,
              speedKmh: row.speed === null ? null : row.speed * KMH_PER_MS,
              lat: row.latitude,
              lon: row.longitude,
            })),
            thresholdKmh,
          )
        : none;
    return { driverId, first, segments };
  });
}

/**
 * `driver.back` and `driver.speeding`, decided inside the group commit (issue #10): ONE statement per
 * batch, whatever its size — it locks the batch's drivers' activity rows (id order), clears a quiet
 * spell (a position came: back, if the driver is still in the session that went quiet), continues
 * the stored speeding spell with the batch's head and stores the spell the batch leaves open, and
 * answers only the drivers with something to announce. What does not depend on the stored state is
 * decided in memory first (`speedingSegments`).
 */
export class DriverActivityParticipant implements PositionCommitParticipant {
  readonly name = 'driver-activity';

  constructor(private readonly thresholdKmh: number) {}

  async withinCommit(rows: readonly PositionRow[], tx: PoolClient): Promise<PositionCommitContribution> {
    const batches = driverBatches(rows, this.thresholdKmh);
    const heads = batches.flatMap((batch) => batch.segments.head.map((point) => ({ driverId: batch.driverId, point })));
    const result = await tx.query<DecidedRow>({
      name: ACTIVITY_STATEMENT,
      text: ACTIVITY_SQL,
      values: [
        batches.map((b) => b.driverId),
        batches.map((b) => b.first.recordedAt.toISOString()),
        batches.map((b) => b.first.latitude),
        batches.map((b) => b.first.longitude),
        batches.map((b) => b.segments.broke),
        batches.map((b) => b.segments.tail?.since.toISOString() ?? null),
        batches.map((b) => b.segments.tail?.maxKmh ?? null),
        batches.map((b) => b.segments.tail?.reported ?? false),
        heads.map((h) => h.driverId),
        heads.map((h) => h.point.at.toISOString()),
        heads.map((h) => h.point.speedKmh),
        heads.map((h) => h.point.lat),
        heads.map((h) => h.point.lon),
        heads.map((h) => h.point.maxKmh),
        batches.filter((b) => b.segments.reports.length > 0).map((b) => b.driverId),
      ],
    });
    const names = new Map(result.rows.map((row) => [row.driver_id, row.name]));
    const events: NewConvoyEvent[] = [];
    for (const row of result.rows) {
      if (row.back) {
        const first = new Date(row.first_at);
        const lastSeen = row.quiet_last_seen_at ? new Date(row.quiet_last_seen_at) : first;
        events.push({
          type: 'driver.back',
          occurredAt: first,
          driverId: row.driver_id,
          data: {
            driver: { id: row.driver_id, name: row.name },
            quietSeconds: Math.max(0, Math.round((first.getTime() - lastSeen.getTime()) / 1000)),
            position: { lat: row.first_lat, lon: row.first_lon },
          },
        });
      }
      if (row.crossed_at) {
        events.push(
          this.speeding(row.driver_id, row.name, {
            at: new Date(row.crossed_at),
            speedKmh: row.crossed_speed as number,
            maxKmh: row.crossed_max as number,
            since: new Date(row.crossed_since as Date),
            lat: row.crossed_lat as number,
            lon: row.crossed_lon as number,
          }),
        );
      }
    }
    // spells that began and reached 30 s within the batch: the statement named their drivers too
    for (const batch of batches) {
      const name = names.get(batch.driverId);
      if (name === undefined) continue;
      for (const report of batch.segments.reports) events.push(this.speeding(batch.driverId, name, report));
    }
    return { events };
  }

  private speeding(driverId: string, name: string, report: SpeedingReport): NewConvoyEvent<'driver.speeding'> {
    return {
      type: 'driver.speeding',
      occurredAt: report.at,
      driverId,
      data: {
        driver: { id: driverId, name },
        speedKmh: round1(report.speedKmh),
        maxSpeedKmh: round1(report.maxKmh),
        thresholdKmh: this.thresholdKmh,
        since: report.since.toISOString(),
        position: { lat: report.lat, lon: report.lon },
      },
    };
  }
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

interface DecidedRow {
  driver_id: string;
  name: string;
  back: boolean;
  quiet_last_seen_at: Date | null;
  first_at: Date;
  first_lat: number;
  first_lon: number;
  crossed_at: Date | null;
  crossed_speed: number | null;
  crossed_max: number | null;
  crossed_since: Date | null;
  crossed_lat: number | null;
  crossed_lon: number | null;
}

const ACTIVITY_STATEMENT = 'convoy_driver_activity_v2';

/**
 * $1…$8: one row per driver of the batch (first point; the segments decided in memory), $9…$14: the
 * head points (over the threshold before any drop, in time order per driver). `state` locks the
 * existing rows in id order (two replicas' batches for one driver decide one after the other).
 * Back: the driver went quiet and is still in that session (sharing, and it began before the quiet
 * spell — a new session's first point is not "back"). Every position clears the quiet spell.
 * Speeding: the head continues the stored spell (reported once at the first head point 30 s after
 * its start); a drop replaces it with the batch's tail. New rows only for an open spell; a row
 * another transaction inserted meanwhile keeps its own state (ON CONFLICT DO NOTHING).
 * Answers the drivers with something to announce ($15: those whose in-memory reports need a name).
 */
const ACTIVITY_SQL = `
  WITH batch AS (
    SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::float8[], $4::float8[], $5::bool[], $6::timestamptz[],
                         $7::real[], $8::bool[])
           AS b(driver_id, first_at, first_lat, first_lon, broke, tail_since, tail_max, tail_reported)
  ), head AS (
    SELECT * FROM unnest($9::uuid[], $10::timestamptz[], $11::real[], $12::float8[], $13::float8[], $14::real[])
           WITH ORDINALITY AS h(driver_id, at, speed, lat, lon, run_max, ord)
  ), state AS (
    SELECT a.* FROM driver_activity a
     WHERE a.driver_id IN (SELECT driver_id FROM batch)
     ORDER BY a.driver_id
       FOR UPDATE
  ), head_summary AS (
    SELECT driver_id, min(at) AS first_at, max(speed) AS head_max, count(*) AS head_count FROM head GROUP BY driver_id
  ), cont AS (
    SELECT b.*, s.driver_id IS NOT NULL AS known, s.quiet_since, s.quiet_last_seen_at, s.speeding_since, s.speeding_max_kmh,
           coalesce(s.speeding_reported, false) AS reported_before,
           coalesce(s.speeding_since, hf.first_at) AS cont_since,
           greatest(s.speeding_max_kmh, hf.head_max) AS cont_max,
           coalesce(hf.head_count, 0) AS head_count,
           s.quiet_since IS NOT NULL AND d.sharing_since IS NOT NULL AND d.sharing_ended_at IS NULL
             AND d.sharing_since <= s.quiet_since AS back,
           d.name
      FROM batch b
      JOIN drivers d ON d.id = b.driver_id
      LEFT JOIN state s ON s.driver_id = b.driver_id
      LEFT JOIN head_summary hf ON hf.driver_id = b.driver_id
  ), crossing AS (
    SELECT DISTINCT ON (c.driver_id) c.driver_id, h.at, h.speed, h.lat, h.lon,
           greatest(c.speeding_max_kmh, h.run_max) AS max_so_far, c.cont_since
      FROM cont c JOIN head h ON h.driver_id = c.driver_id
     WHERE NOT c.reported_before AND h.at >= c.cont_since + interval '30 seconds'
     ORDER BY c.driver_id, h.ord
  ), decided AS (
    SELECT c.*,
           CASE WHEN c.broke THEN c.tail_since WHEN c.head_count > 0 THEN c.cont_since ELSE c.speeding_since END AS new_since,
           CASE WHEN c.broke THEN c.tail_max WHEN c.head_count > 0 THEN c.cont_max ELSE c.speeding_max_kmh END AS new_max,
           CASE WHEN c.broke THEN c.tail_reported ELSE c.reported_before OR x.driver_id IS NOT NULL END AS new_reported,
           x.at AS crossed_at, x.speed AS crossed_speed, x.max_so_far AS crossed_max, x.cont_since AS crossed_since,
           x.lat AS crossed_lat, x.lon AS crossed_lon
      FROM cont c LEFT JOIN crossing x ON x.driver_id = c.driver_id
  ), updated AS (
    UPDATE driver_activity a
       SET quiet_since = NULL, quiet_last_seen_at = NULL,
           speeding_since = d.new_since, speeding_max_kmh = d.new_max, speeding_reported = d.new_reported
      FROM decided d
     WHERE a.driver_id = d.driver_id AND d.known
       AND (d.quiet_since IS NOT NULL OR d.new_since IS DISTINCT FROM d.speeding_since
            OR d.new_max IS DISTINCT FROM d.speeding_max_kmh OR d.new_reported IS DISTINCT FROM d.reported_before)
  ), inserted AS (
    INSERT INTO driver_activity (driver_id, speeding_since, speeding_max_kmh, speeding_reported)
    SELECT driver_id, new_since, new_max, new_reported FROM decided WHERE NOT known AND new_since IS NOT NULL
    ON CONFLICT (driver_id) DO NOTHING
  )
  SELECT driver_id, name, back, quiet_last_seen_at, first_at, first_lat, first_lon, crossed_at, crossed_speed, crossed_max,
         crossed_since, crossed_lat, crossed_lon
    FROM decided
   WHERE back OR crossed_at IS NOT NULL OR driver_id = ANY($15::uuid[])`;
