#!/usr/bin/env node
// npm run migration:generate -- <lib> <Name>
// Diffs the entities against a scratch database migrated to the latest committed schema and writes
// libs/server/<lib>/src/lib/migrations/<timestamp>-<Name>.ts. Review it, then add it to the lib's
// *_MIGRATIONS list. Uses DATABASE_URL's server when set, else a throwaway embedded Postgres.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const [lib, name] = process.argv.slice(2);
if (!lib || !name || !/^[A-Z][A-Za-z0-9]+$/.test(name) || !existsSync(`libs/server/${lib}/src/lib`)) {
  console.error('Usage: npm run migration:generate -- <lib> <PascalCaseName>   e.g. -- auth AddUserDisplayName');
  process.exit(1);
}

const require = createRequire(import.meta.url);
const cli = require.resolve('typeorm/cli.js');
const tsNode = { TS_NODE_PROJECT: 'tools/typeorm/tsconfig.json', TS_NODE_TRANSPILE_ONLY: 'true' };
// the libs' own TypeScript, by alias: the app's Postgres starter and the tests' scratch databases
Object.assign(process.env, tsNode);
require('ts-node/register');
require('tsconfig-paths/register');
const { startThrowawayPostgres } = require('@convoy/server/database');
const { createTestDatabase } = require('@convoy/testing');

const server = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => undefined }
  : await startThrowawayPostgres();
const scratch = await createTestDatabase(server.url, 'migration');
const env = { ...process.env, ...tsNode, MIGRATION_DATABASE_URL: scratch.url };
const typeorm = (...args) =>
  execFileSync(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', cli, ...args], {
    env,
    stdio: 'inherit',
  });
try {
  typeorm('migration:run', '-d', 'tools/typeorm/data-source.ts');
  typeorm('migration:generate', '--pretty', '-d', 'tools/typeorm/data-source.ts', `libs/server/${lib}/src/lib/migrations/${name}`);
} catch {
  process.exitCode = 1; // typeorm printed why (e.g. "No changes in database schema were found")
} finally {
  await scratch.drop();
  await server.stop();
}
