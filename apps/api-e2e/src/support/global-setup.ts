// Loaded by path, not by alias: jest runs global setups outside its module system (no tsconfig paths).
import { startThrowawayPostgres } from '../../../../libs/server/database/src/lib/embedded-postgres';

/** Without DATABASE_URL (a fresh machine), the run gets its own embedded Postgres. */
export default async function globalSetup(): Promise<void> {
  if (process.env['DATABASE_URL'] || process.env['TEST_POSTGRES_URL']) return;
  // every e2e file starts API processes with their own pools, two files at a time
  const server = await startThrowawayPostgres({ max_connections: '300' });
  process.env['TEST_POSTGRES_URL'] = server.url;
  (globalThis as { __convoyTestPostgres?: { stop(): Promise<void> } }).__convoyTestPostgres = server;
}
