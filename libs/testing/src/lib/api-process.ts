import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from './free-port';

/** The production start command, as ops run it: `node dist/apps/api/main.js`. */
export const API_ENTRY = resolve(__dirname, '../../../../dist/apps/api/main.js');

/** Variables the API reads; cleared from the inherited environment so each test states its own. */
const CONVOY_VARIABLES = [
  'NODE_ENV', 'HOST', 'PORT', 'PUBLIC_URL', 'DATABASE_URL', 'DATA_DIR', 'APP_SECRET', 'ADMIN_EMAIL',
  'ADMIN_PASSWORD', 'CORS_ORIGINS', 'SESSION_TTL_HOURS', 'LOGIN_RATE_LIMIT', 'LOGIN_ACCOUNT_RATE_LIMIT', 'TRUST_PROXY', 'TILE_URL', 'TILE_ATTRIBUTION',
  'LOG_LEVEL', 'TELEGRAM_BOT_TOKEN', 'TELEGRAM_BOT_USERNAME', 'TELEGRAM_API_ROOT', 'TELEGRAM_WEBHOOK_URL',
  'TELEGRAM_WEBHOOK_SECRET', 'AUTO_TRACK_INTERVAL', 'TIME_ZONE', 'RETENTION_DAYS', 'DATABASE_STATEMENT_TIMEOUT_MS', 'EXPORT_RATE_LIMIT',
  'BOT_RATE_LIMIT', 'REDIS_URL', 'REDIS_PREFIX', 'DEMO_FLEET', 'SHUTDOWN_DRAIN_SECONDS',
  'WEBHOOK_ALLOW_PRIVATE', 'WEBHOOK_RETRY_SCHEDULE', 'WEBHOOK_TIMEOUT_SECONDS',
];

export const TEST_ADMIN = { email: 'admin@convoy.test', password: 'admin-password-for-tests' };

export interface ApiProcess {
  baseUrl: string;
  process: ChildProcess;
  /** Everything the process printed so far (stdout + stderr). */
  output(): string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /**
   * Ctrl-C in a terminal: SIGINT to the whole process group (the API and everything it spawned that
   * stayed in its group); waits for the API's exit. Needs `spawnApi(…, { ownProcessGroup: true })`.
   */
  interruptGroup(): Promise<number | null>;
}

export interface SpawnApiOptions {
  cwd?: string;
  /** Start the API as the leader of a new process group, like a shell's foreground job. */
  ownProcessGroup?: boolean;
}

/** Spawns the built API with exactly `env` (plus PATH and HOME) and no wait. */
export function spawnApi(env: Record<string, string | undefined>, options: SpawnApiOptions = {}): Omit<ApiProcess, 'baseUrl'> {
  if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: build the api first (npx nx build api)`);
  const inherited = { ...process.env };
  for (const name of CONVOY_VARIABLES) delete inherited[name];
  const child = spawn(process.execPath, [API_ENTRY], {
    cwd: options.cwd ?? process.cwd(),
    detached: options.ownProcessGroup ?? false,
    env: { ...inherited, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return {
    process: child,
    output: () => output,
    exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    interruptGroup: async () => {
      if (!options.ownProcessGroup || child.pid === undefined) throw new Error('spawnApi: interruptGroup needs ownProcessGroup');
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGINT');
      return exited;
    },
  };
}

/**
 * Starts the built API on a free port against `databaseUrl` and waits until /health/live answers.
 * Defaults: test admin credentials, a fixed APP_SECRET, quiet logs.
 */
export async function startApi(options: {
  databaseUrl?: string;
  env?: Record<string, string | undefined>;
  /** Known in advance when the environment must name it (e.g. TELEGRAM_WEBHOOK_URL). */
  port?: number;
}): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const running = spawnApi({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    APP_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealthy(baseUrl, running);
  return { ...running, baseUrl };
}

async function waitForHealthy(baseUrl: string, running: Omit<ApiProcess, 'baseUrl'>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void running.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`The API exited (code ${exitCode}) before it was up:\n${running.output()}`);
    try {
      const response = await fetch(`${baseUrl}/health/live`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await running.stop('SIGKILL');
  throw new Error(`The API did not become healthy within ${timeoutMs / 1000} s:\n${running.output()}`);
}
