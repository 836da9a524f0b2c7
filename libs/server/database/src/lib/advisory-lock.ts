import type { DataSource } from 'typeorm';

/**
 * Runs `work` while holding a session-level Postgres advisory lock on a connection of its own, when
 * no other session holds it. The lock is released in `finally` (a failed run never keeps it on a
 * pooled connection). Resolves `{ ran: false }` when another session (replica) has it.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  key: string,
  work: (query: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  if (!/^\d{1,19}$/.test(key)) throw new Error(`advisory lock key must be a bigint literal, got ${key}`);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let locked = false;
  try {
    const [{ acquired }] = await runner.query(`SELECT pg_try_advisory_lock(${key}) AS acquired`);
    locked = acquired === true;
    if (!locked) return { ran: false };
    return { ran: true, result: await work((sql, params) => runner.query(sql, params)) };
  } finally {
    if (locked) await runner.query(`SELECT pg_advisory_unlock(${key})`).catch(() => undefined);
    await runner.release();
  }
}
