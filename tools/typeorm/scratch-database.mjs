import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startTestPostgres } from '../../libs/testing/src/lib/embedded-postgres-server.mjs';

/** A scratch database on `serverUrl`'s server, or on a throwaway embedded Postgres. */
export async function createTestDatabase(serverUrl) {
  const server = serverUrl ? { url: serverUrl, stop: async () => undefined } : await startTestPostgres();
  const name = `convoy_migration_${randomBytes(4).toString('hex')}`;
  const admin = new URL(server.url);
  admin.pathname = '/postgres';
  const run = async (sql) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await server.stop();
    },
  };
}
