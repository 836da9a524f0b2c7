import { Logger } from '@nestjs/common';
import { DAY_MS, isoDay, partitionDay } from './partition-days';

/** A query on the session that holds a maintenance job's advisory lock (`withAdvisoryLock`). */
export type LockedQuery = (sql: string, params?: unknown[]) => Promise<unknown>;

/** How long partition DDL waits for a lock on `positions` before giving up until the next run. */
export const PARTITION_LOCK_TIMEOUT = '2s';
/** Postgres's lock_not_available: the lock timeout ran out (a long export or report held the table). */
const LOCK_NOT_AVAILABLE = '55P03';
/** Rows per DELETE where retention must delete rather than drop (the boundary day, the default partition). */
export const TRIM_CHUNK = 10_000;

export interface DailyPartition {
  name: string;
  day: Date;
}

const logger = new Logger('PositionPartitions');

/** Whether `error` is a lock wait that ran out (retried at the next run, never fatal). */
export function isLockTimeout(error: unknown): boolean {
  return (error as { code?: string }).code === LOCK_NOT_AVAILABLE;
}

/**
 * The SQL of partition upkeep, run on the session of a job's advisory lock. DDL runs in its own short
 * transaction with `lock_timeout` (a DROP needs ACCESS EXCLUSIVE on `positions`: waiting behind a
 * 30-s export would queue every writer behind it) and without the pool's statement timeout.
 */
export const PositionPartitions = {
  /** The daily partitions, oldest first. */
  async list(query: LockedQuery): Promise<DailyPartition[]> {
    const rows = (await query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'positions'::regclass ORDER BY c.relname`,
    )) as Array<{ name: string }>;
    return rows.flatMap(({ name }) => {
      const day = partitionDay(name);
      return day ? [{ name, day }] : [];
    });
  },

  /** Creates the partition of `day` (moving its rows out of the default partition); the rows moved, or null if it existed. */
  async create(query: LockedQuery, day: Date): Promise<number | null> {
    return transaction(query, async () => {
      const [row] = (await query(`SELECT positions_create_partition($1::date) AS moved`, [isoDay(day)])) as Array<{ moved: string | null }>;
      return row.moved === null ? null : Number(row.moved);
    });
  },

  /** The UTC days of the rows in the default partition (late points, clock skew), oldest first. */
  async defaultDays(query: LockedQuery): Promise<Date[]> {
    const rows = (await query(
      `SELECT DISTINCT (recorded_at AT TIME ZONE 'UTC')::date::text AS day FROM positions_default ORDER BY 1`,
    )) as Array<{ day: string }>;
    return rows.map(({ day }) => new Date(`${day}T00:00:00Z`));
  },

  /** Drops a whole day: instant, no dead rows, nothing for vacuum. Returns Postgres's estimate of its rows. */
  async drop(query: LockedQuery, partition: DailyPartition): Promise<number> {
    return transaction(query, async () => {
      const [row] = (await query(`SELECT greatest(reltuples, 0)::bigint AS estimate FROM pg_class WHERE oid = $1::regclass`, [
        partition.name,
      ])) as Array<{ estimate: string }>;
      await query(`DROP TABLE "${partition.name}"`);
      return Number(row?.estimate ?? 0);
    });
  },

  /**
   * Deletes the rows of one table (a partition, or the default partition) recorded before `cutoff`,
   * one driver at a time and at most TRIM_CHUNK rows per statement, each found through the
   * (driver_id, recorded_at) index: short statements, short row locks. Returns the rows deleted.
   */
  async trim(query: LockedQuery, table: string, cutoff: Date): Promise<number> {
    const drivers = (await query(`SELECT id FROM drivers ORDER BY id`)) as Array<{ id: string }>;
    let deleted = 0;
    for (const { id } of drivers) {
      for (;;) {
        const result = (await query(
          `DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(
             SELECT ctid FROM "${table}" WHERE driver_id = $1 AND recorded_at < $2 LIMIT ${TRIM_CHUNK}))`,
          [id, cutoff],
        )) as [unknown[], number];
        deleted += result[1];
        if (result[1] < TRIM_CHUNK) break;
      }
    }
    return deleted;
  },

  /**
   * VACUUM (ANALYZE) of each closed day (ended over an hour ago) that took rows since its last
   * vacuum: its pages become all-visible, so reads of it are index-only scans, and it is frozen
   * once rather than in an anti-wraparound storm later. Returns the partitions vacuumed.
   */
  async vacuumClosed(query: LockedQuery, now: Date): Promise<string[]> {
    const closedBefore = now.getTime() - 3_600_000;
    const rows = (await query(
      `SELECT c.relname AS name FROM pg_inherits i
         JOIN pg_class c ON c.oid = i.inhrelid
         JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE i.inhparent = 'positions'::regclass
          AND (s.n_ins_since_vacuum > 0 OR s.n_dead_tup > 0 OR (s.last_vacuum IS NULL AND s.last_autovacuum IS NULL))`,
    )) as Array<{ name: string }>;
    const due = rows
      .map(({ name }) => ({ name, day: partitionDay(name) }))
      .filter((p): p is DailyPartition => p.day !== null && p.day.getTime() + DAY_MS <= closedBefore)
      .map((p) => p.name)
      .sort();
    if (due.length === 0) return [];
    await query(`SET statement_timeout = 0`);
    try {
      for (const name of due) await query(`VACUUM (ANALYZE) "${name}"`);
    } finally {
      await query(`RESET statement_timeout`);
    }
    return due;
  },
};

async function transaction<T>(query: LockedQuery, work: () => Promise<T>): Promise<T> {
  await query('BEGIN');
  try {
    await query(`SET LOCAL lock_timeout = '${PARTITION_LOCK_TIMEOUT}'`);
    await query(`SET LOCAL statement_timeout = 0`);
    const result = await work();
    await query('COMMIT');
    return result;
  } catch (error) {
    await query('ROLLBACK').catch(() => undefined);
    if (isLockTimeout(error)) logger.debug(`Partition DDL gave up waiting for a lock (${PARTITION_LOCK_TIMEOUT})`);
    throw error;
  }
}
