import { Client } from 'pg';

/** Runs one query against the test's own database, bypassing the API (what Postgres really holds). */
export async function queryDatabase<T extends Record<string, unknown> = Record<string, unknown>>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
