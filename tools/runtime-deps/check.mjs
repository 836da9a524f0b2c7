#!/usr/bin/env node
// Proves the production dependency set is enough to run the API, as the image's runtime stage
// installs it: in a temporary directory, package.json + package-lock.json + .npmrc,
// `npm ci --omit=dev --omit=optional --ignore-scripts` (docker/Dockerfile's prod-deps stage), the built
// dist/apps/api, then `node dist/apps/api/main.js` in production against a fresh database on
// POSTGRES_URL's server until /health/ready answers 200. Everything it made is removed afterwards.
//
//   npx nx build api && POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres npm run check:runtime-deps
//
// Not part of `npm test`: it downloads the production packages (≈ 10 s with a warm npm cache).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// the test helpers' TypeScript, by alias (one freePort, one createTestDatabase)
Object.assign(process.env, { TS_NODE_PROJECT: resolve(import.meta.dirname, '../typeorm/tsconfig.json'), TS_NODE_TRANSPILE_ONLY: 'true' });
const require = createRequire(import.meta.url);
require('ts-node/register');
require('tsconfig-paths/register');
const { createTestDatabase, freePort } = require('@convoy/testing');

const root = resolve(import.meta.dirname, '../..');
const serverUrl = process.env.POSTGRES_URL ?? process.env.DATABASE_URL;
if (!serverUrl) fail('Set POSTGRES_URL to a Postgres server this may create a database on (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
if (!existsSync(join(root, 'dist/apps/api/main.js'))) fail('dist/apps/api/main.js is missing: run `npx nx build api` first.');

const dir = mkdtempSync(join(tmpdir(), 'convoy-runtime-deps-'));
let database;
let api;
try {
  for (const file of ['package.json', 'package-lock.json', '.npmrc']) {
    if (existsSync(join(root, file))) cpSync(join(root, file), join(dir, file));
  }
  console.log(`npm ci --omit=dev --omit=optional --ignore-scripts in ${dir}`);
  execFileSync('npm', ['ci', '--omit=dev', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  const unwanted = ['@angular/core', 'leaflet', 'typescript-eslint', 'nx'].filter((name) => existsSync(join(dir, 'node_modules', name)));
  if (unwanted.length) throw new Error(`development-only packages were installed: ${unwanted.join(', ')}`);
  console.log(`node_modules: ${execFileSync('du', ['-sh', join(dir, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]}`);
  cpSync(join(root, 'dist/apps/api'), join(dir, 'dist/apps/api'), { recursive: true });

  database = await createTestDatabase(serverUrl, 'runtime_deps');
  const port = await freePort();
  api = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: database.url,
      APP_SECRET: randomBytes(36).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  api.stdout.on('data', (chunk) => (output += chunk));
  api.stderr.on('data', (chunk) => (output += chunk));
  const ready = await waitForReady(`http://127.0.0.1:${port}/health/ready`, api);
  if (!ready.ok) throw new Error(`/health/ready never answered 200 (${ready.last}):\n${output}`);
  console.log(`OK: the production dependency set runs the API (/health/ready ${ready.last})`);
} catch (error) {
  process.exitCode = 1;
  console.error(`FAILED: ${error instanceof Error ? error.message : error}`);
} finally {
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  await database?.drop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}

async function waitForReady(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(url);
      last = String(response.status);
      if (response.ok) return { ok: true, last };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { ok: false, last: child.exitCode === null ? last : `exited with ${child.exitCode}` };
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
