import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, freePort, type TestDatabase } from '@convoy/testing';
import { ADMIN, E2E_BASE_URL_VAR, TILE_URL } from './e2e-env';
import { completeFirstSignIn } from './first-sign-in';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
const API_MAIN = join(WORKSPACE_ROOT, 'dist/apps/api/main.js');
const DASHBOARD_INDEX = join(WORKSPACE_ROOT, 'dist/apps/dashboard/browser/index.html');
const LOG_DIR = join(WORKSPACE_ROOT, 'dist/.playwright/apps/dashboard-e2e');
const HEALTH_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts the built API (which serves the built dashboard) on a free port with a database of its own:
 * a fresh database on $DATABASE_URL's server when set, else an embedded Postgres in a temp DATA_DIR.
 * Returns the teardown that stops it and removes that database.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const [file, hint] of [
    [API_MAIN, 'npx nx build api'],
    [DASHBOARD_INDEX, 'npx nx build dashboard'],
  ]) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run "${hint}" first (or "npx nx e2e dashboard-e2e", which builds both)`);
    }
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const cleanups: Array<() => Promise<void>> = [];
  const env: NodeJS.ProcessEnv = {
    ...withoutConvoyVars(process.env),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.initialPassword,
    TILE_URL,
    LOG_LEVEL: 'log',
    // Every spec signs people in from 127.0.0.1, dozens a minute; the default 10/min would answer
    // 429. The limit itself is covered by api-e2e (auth.e2e-spec.ts).
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_ACCOUNT_RATE_LIMIT: '1000',
    // Explicitly empty (= unset for the API) so a developer's .env cannot fill them in: the bot stays
    // off, the database is the one chosen below, the server's default tile attribution is used.
    TELEGRAM_BOT_TOKEN: '',
    TELEGRAM_BOT_USERNAME: '',
    DATABASE_URL: '',
    APP_SECRET: '',
    PUBLIC_URL: '',
    CORS_ORIGINS: '',
    REDIS_URL: '',
    TILE_ATTRIBUTION: '',
    // the webhooks spec's receiver listens on 127.0.0.1
    WEBHOOK_ALLOW_PRIVATE: '1',
    WEBHOOK_RETRY_SCHEDULE: '1s,1s',
  };

  try {
    if (process.env['DATABASE_URL']) {
      const database: TestDatabase = await createTestDatabase(process.env['DATABASE_URL'], 'dashboard_e2e');
      cleanups.push(() => database.drop());
      env['DATABASE_URL'] = database.url;
    } else {
      // embedded Postgres; it runs as user `postgres` when we are root, so that user must reach it
      const dataDir = await mkdtemp(join(tmpdir(), 'convoy-dashboard-e2e-'));
      await chmod(dataDir, 0o755);
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      env['DATA_DIR'] = dataDir;
    }

    const server = await startApi(env, baseUrl);
    cleanups.unshift(() => server.stop());
    await completeFirstSignIn(baseUrl);
  } catch (error) {
    await runAll(cleanups);
    throw error;
  }

  process.env[E2E_BASE_URL_VAR] = baseUrl;
  return () => runAll(cleanups);
}

interface RunningApi {
  stop(): Promise<void>;
}

async function startApi(env: NodeJS.ProcessEnv, baseUrl: string): Promise<RunningApi> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, 'api.log');
  const log = createWriteStream(logFile);
  const recent: string[] = [];
  const child = spawn(process.execPath, [API_MAIN], { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const remember = (chunk: Buffer) => {
    log.write(chunk);
    recent.push(chunk.toString());
    if (recent.length > 200) recent.shift();
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);

  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const stopped = await Promise.race([exit.then(() => true), delay(STOP_TIMEOUT_MS).then(() => false)]);
      if (!stopped) {
        console.warn(`[dashboard-e2e] API did not stop within ${STOP_TIMEOUT_MS / 1000}s: killing it (see ${logFile})`);
        child.kill('SIGKILL');
        await exit;
      }
    }
    await new Promise<void>((resolve) => log.end(resolve));
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      await stop();
      const { code, signal } = exited;
      throw new Error(
        `The API exited during startup (code ${code}, signal ${signal}). Its output (${logFile}):\n${recent.join('')}`,
      );
    }
    if (await healthy(baseUrl)) {
      return { stop };
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `The API did not answer GET /health with 200 within ${HEALTH_TIMEOUT_MS / 1000}s. Its output (${logFile}):\n${recent.join('')}`,
      );
    }
    await delay(250);
  }
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

/** The caller's environment without anything that would change how Convoy runs in the test. */
function withoutConvoyVars(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const drop = /^(DATABASE_URL|DATA_DIR|APP_SECRET|PUBLIC_URL|CORS_ORIGINS|REDIS_URL|TILE_.*|TELEGRAM_.*|ADMIN_.*|LOGIN_RATE_LIMIT|SESSION_TTL_HOURS|LOG_LEVEL|HOST|PORT|NODE_ENV)$/;
  return Object.fromEntries(Object.entries(env).filter(([key]) => !drop.test(key)));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function runAll(steps: Array<() => Promise<void>>): Promise<void> {
  const errors: unknown[] = [];
  for (const step of steps) {
    await step().catch((error: unknown) => errors.push(error));
  }
  if (errors.length) {
    throw errors[0];
  }
}
