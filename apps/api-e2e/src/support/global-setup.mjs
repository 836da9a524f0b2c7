import { startTestPostgres } from '../../../../libs/testing/src/lib/embedded-postgres-server.mjs';

/** Without DATABASE_URL (a fresh machine), the run gets its own embedded Postgres. */
export default async function globalSetup() {
  if (process.env.DATABASE_URL || process.env.TEST_POSTGRES_URL) return;
  const server = await startTestPostgres();
  process.env.TEST_POSTGRES_URL = server.url;
  globalThis.__convoyTestPostgres = server;
}
