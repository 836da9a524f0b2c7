import { withClient } from '@convoy/testing';

/** Runs one query against the test's own database, bypassing the API (what Postgres really holds). */
export function queryDatabase<T extends Record<string, unknown> = Record<string, unknown>>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return withClient(databaseUrl, async (client) => (await client.query<T>(sql, params)).rows);
}
