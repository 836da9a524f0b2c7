import type { ConvoyEvent, NewConvoyEvent } from '@convoy/contracts';

/**
 * Anything that runs SQL inside the caller's transaction: a TypeORM `EntityManager` / `QueryRunner`
 * (which resolve to the rows) or a `pg` client (which resolves to `{rows}`).
 */
export interface OutboxQueryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The channel `appendEvents` notifies on commit; dispatchers listening wake at once. */
export const EVENTS_NOTIFY_CHANNEL = 'convoy_events';

/**
 * Writes events to the outbox **in the caller's transaction**: they become visible (and are
 * announced) exactly when what caused them commits, and vanish with it on a rollback. Returns the
 * stored events (ids and times assigned). One statement, whatever the number of events.
 */
export async function appendEvents(db: OutboxQueryable, events: readonly NewConvoyEvent[]): Promise<ConvoyEvent[]> {
  if (events.length === 0) return [];
  const now = new Date();
  const result = await db.query(APPEND_SQL, [
    events.map((event) => event.type),
    events.map((event) => (event.occurredAt ?? now).toISOString()),
    events.map((event) => event.driverId),
    events.map((event) => JSON.stringify(event.data)),
  ]);
  const rows = (Array.isArray(result) ? result : (result as { rows: StoredRow[] }).rows) as StoredRow[];
  return rows
    .sort((a, b) => a.ord - b.ord)
    .map((row) => ({
      id: row.id,
      type: row.type,
      occurredAt: new Date(row.occurred_at).toISOString(),
      driverId: row.driver_id,
      data: row.data,
    }) as ConvoyEvent);
}

interface StoredRow {
  ord: number;
  id: string;
  type: ConvoyEvent['type'];
  occurred_at: Date | string;
  driver_id: string | null;
  data: ConvoyEvent['data'];
}

/** `pg_notify` is transactional: listeners hear it only when (and if) the caller commits. */
const APPEND_SQL = `
  WITH input AS (
    SELECT * FROM unnest($1::varchar[], $2::timestamptz[], $3::uuid[], $4::jsonb[]) WITH ORDINALITY
                 AS input(type, occurred_at, driver_id, data, ord)
  ), stored AS (
    INSERT INTO events (type, occurred_at, driver_id, data)
    SELECT type, occurred_at, driver_id, data FROM input ORDER BY ord
    RETURNING seq, id, type, occurred_at, driver_id, data
  ), notified AS (
    SELECT pg_notify('${EVENTS_NOTIFY_CHANNEL}', '')
  )
  SELECT (row_number() OVER (ORDER BY stored.seq))::int AS ord, stored.id, stored.type, stored.occurred_at,
         stored.driver_id, stored.data
    FROM stored, notified`;
