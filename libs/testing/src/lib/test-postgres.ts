/**
 * The Postgres server tests create their databases on: DATABASE_URL when the machine has one
 * (CI), else the embedded server the global setup started (TEST_POSTGRES_URL).
 */
export function testPostgresServerUrl(): string {
  const url = process.env['TEST_POSTGRES_URL'] ?? process.env['DATABASE_URL'];
  if (!url) throw new Error('No Postgres for tests: set DATABASE_URL or run through the e2e global setup');
  return url;
}
