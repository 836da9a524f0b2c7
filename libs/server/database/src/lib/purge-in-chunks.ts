import type { DataSource } from 'typeorm';
import { withAdvisoryLock } from './advisory-lock';

/** Rows one purge statement deletes at most, so a first purge of a big table never holds long locks. */
export const PURGE_CHUNK = 10_000;

/**
 * Runs `purgeChunk` (a statement deleting at most `PURGE_CHUNK` rows, answering how many it
 * deleted) until a chunk comes back short; returns the total.
 */
export async function purgeInChunks(purgeChunk: (limit: number) => Promise<number>): Promise<number> {
  let deleted = 0;
  for (;;) {
    const n = await purgeChunk(PURGE_CHUNK);
    deleted += n;
    if (n < PURGE_CHUNK) return deleted;
  }
}

/**
 * A retention purge on one replica: under the advisory lock `lockKey`, runs `sql` — $1 the cutoff,
 * $2 the chunk, answering one row `{deleted, …}` — chunk after chunk, each row handed to `onChunk`.
 * Null when another replica holds the lock.
 */
export async function purgeOlderThan<Row extends { deleted: number }>(
  dataSource: DataSource,
  lockKey: string,
  sql: string,
  cutoff: Date,
  onChunk: (row: Row) => void = () => undefined,
): Promise<number | null> {
  const run = await withAdvisoryLock(dataSource, lockKey, (query) =>
    purgeInChunks(async (limit) => {
      const [row] = (await query(sql, [cutoff, limit])) as Row[];
      onChunk(row);
      return row.deleted;
    }),
  );
  return run.ran ? run.result : null;
}
