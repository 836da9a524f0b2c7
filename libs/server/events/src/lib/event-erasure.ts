import type { OutboxQueryable } from './event-outbox';

/**
 * Erasure (GDPR art. 17), in the erasure's own transaction: every event about the driver goes —
 * they carry the name, places visited and message texts. Undispatched ones go too: nothing is
 * announced about a driver after their data was erased. Returns how many.
 */
export async function deleteDriverEvents(db: OutboxQueryable, driverId: string): Promise<number> {
  const result = await db.query(`DELETE FROM events WHERE driver_id = $1`, [driverId]);
  // a TypeORM manager answers [rows, count] for a DELETE, a pg client {rowCount}
  if (Array.isArray(result)) return Number(result[1] ?? 0);
  return Number((result as { rowCount?: number }).rowCount ?? 0);
}
