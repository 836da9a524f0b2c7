import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createTestDatabase, freePort, startApi, withClient, type TelegramUserFixture } from '@convoy/testing';
import { FleetStream } from './fleet';
import { withTimeout, type Cleanup } from './lifecycle';
import type { Target } from './target';

export interface MinimalSetup {
  serverUrl: string;
  users: readonly TelegramUserFixture[];
  firstUpdateId: number;
  cpuProfileDir: string | null;
}

/**
 * The baseline: a second fresh database with Convoy's own schema (the API is started on it once, to
 * run its migrations, then stopped), the fleet's drivers inserted directly, and the minimal pipeline
 * (minimal-pipeline.ts) forked on a free port.
 */
export async function startMinimal(setup: MinimalSetup, cleanup: Cleanup): Promise<Target> {
  const database = await createTestDatabase(setup.serverUrl, 'bench_minimal');
  cleanup.add('minimal database', () => database.drop());

  const migrator = await startApi({ databaseUrl: database.url, env: { LOG_LEVEL: 'warn' } });
  cleanup.add('schema API', () => migrator.stop('SIGKILL'));
  const code = await migrator.stop('SIGTERM');
  if (code !== 0) throw new Error(`the API run to migrate the minimal database exited with ${code}:\n${migrator.output()}`);

  const driverIds = await withClient(database.url, async (client) => {
    const result = await client.query<{ id: string; telegram_user_id: string }>(
      `INSERT INTO drivers (name, telegram_user_id, telegram_chat_id, telegram_first_name, telegram_last_name, language_code)
       SELECT * FROM unnest($1::varchar[], $2::bigint[], $2::bigint[], $3::varchar[], $4::varchar[], $5::varchar[])
       RETURNING id, telegram_user_id`,
      [
        setup.users.map((u) => `${u.first_name} ${u.last_name}`),
        setup.users.map((u) => u.id),
        setup.users.map((u) => u.first_name),
        setup.users.map((u) => u.last_name ?? null),
        setup.users.map((u) => u.language_code ?? null),
      ],
    );
    const byUser = new Map(result.rows.map((row) => [Number(row.telegram_user_id), row.id]));
    return setup.users.map((u) => byUser.get(u.id) as string);
  });

  const port = await freePort();
  const secret = randomBytes(24).toString('base64url');
  const dashboardToken = randomBytes(24).toString('base64url');
  const child = fork(resolve(__dirname, 'minimal-pipeline.ts'), [], {
    execArgv: [
      '-r',
      'ts-node/register',
      ...(setup.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${setup.cpuProfileDir}`, '--cpu-prof-name=minimal.cpuprofile'] : []),
    ],
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      MINIMAL_PORT: String(port),
      MINIMAL_WEBHOOK_SECRET: secret,
      MINIMAL_DASHBOARD_TOKEN: dashboardToken,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (exitCode) => resolveExit(exitCode)));
  cleanup.add('minimal pipeline', async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await withTimeout(exited, 10_000, 'minimal pipeline exit').catch(() => {
      child.kill('SIGKILL');
      return exited;
    });
  });
  await withTimeout(
    new Promise<void>((resolveReady, reject) => {
      child.once('message', () => resolveReady());
      void exited.then((exitCode) => reject(new Error(`the minimal pipeline exited (${exitCode}) before it was ready`)));
    }),
    30_000,
    'the minimal pipeline to start',
  );
  if (child.pid === undefined) throw new Error('the minimal pipeline has no pid');

  return {
    name: 'minimal',
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    secret,
    dashboardToken,
    databaseUrl: database.url,
    stream: new FleetStream(setup.users, setup.firstUpdateId),
    driverIds,
  };
}
