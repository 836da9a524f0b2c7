import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ApiClient, freePort, spawnApi, type ApiProcess } from '@convoy/testing';

async function waitFor(predicate: () => boolean, what: string, output: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function postgresProcessesUsing(dataDir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('postgres') && line.includes(dataDir));
}

describe('start-up', () => {
  it('refuses bad configuration with one message naming each variable, exit code 1, no stack trace', async () => {
    const running = spawnApi({ PORT: 'abc', DATABASE_URL: 'mysql://nope', LOG_LEVEL: 'chatty', TRUST_PROXY: '10.0.0.0/33' });
    const code = await running.exited;
    const output = running.output();
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain('PORT="abc": must be a whole number from 0 to 65535');
    expect(output).toContain('DATABASE_URL=(hidden): must be a postgres:// connection URL');
    expect(output).toContain('LOG_LEVEL="chatty"');
    expect(output).toContain('TRUST_PROXY="10.0.0.0/33": must be true, false, a hop count from 0 to 10, or a comma-separated list');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('requires APP_SECRET in production', async () => {
    const running = spawnApi({ NODE_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/convoy' });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain('APP_SECRET=(unset): is required in production');
  });

  describe('in production', () => {
    let dataDir: string;
    const secret = 'production-secret-production-secret-0123456789';

    beforeEach(() => {
      dataDir = join(mkdtempSync(join(tmpdir(), 'convoy-production-')), 'data');
    });
    afterEach(() => rmSync(dirname(dataDir), { recursive: true, force: true }));

    it('names both DATABASE_URL and APP_SECRET when neither is set, and exits 1 before starting anything', async () => {
      const running = spawnApi({ NODE_ENV: 'production', DATA_DIR: dataDir });
      expect(await running.exited).toBe(1);
      const output = running.output();
      expect(output).toContain('Invalid configuration');
      expect(output).toContain('DATABASE_URL=(unset): is required in production: the postgres:// URL of your database');
      expect(output).toContain('APP_SECRET=(unset): is required in production');
      expect(output).not.toMatch(/\n\s+at /);
      expect(existsSync(dataDir)).toBe(false);
    });

    it('requires DATABASE_URL: no embedded Postgres is started in its place', async () => {
      const running = spawnApi({ NODE_ENV: 'production', APP_SECRET: secret, DATA_DIR: dataDir });
      expect(await running.exited).toBe(1);
      const output = running.output();
      expect(output).toContain('DATABASE_URL=(unset): is required in production');
      expect(output).not.toContain('APP_SECRET');
      expect(existsSync(dataDir)).toBe(false);
      expect(postgresProcessesUsing(dataDir)).toEqual([]);
    });

    it('refuses a demo fleet (simulated drivers would land beside the real ones)', async () => {
      const running = spawnApi({ NODE_ENV: 'production', APP_SECRET: secret, DATABASE_URL: 'postgres://127.0.0.1:1/convoy', DEMO_FLEET: '5' });
      expect(await running.exited).toBe(1);
      expect(running.output()).toContain('DEMO_FLEET="5": must be 0 or unset in production');
    });
  });

  describe('with no DATABASE_URL (embedded Postgres)', () => {
    let dataDir: string;
    let running: (Omit<ApiProcess, 'baseUrl'> & { port: number }) | undefined;

    const start = async () => {
      const port = await freePort();
      const child = spawnApi({ HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'log' }, { ownProcessGroup: true });
      running = { ...child, port };
      await waitFor(() => child.output().includes('Convoy is running'), 'the start-up banner', child.output);
      return running;
    };

    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'convoy-startup-'));
      chmodSync(dataDir, 0o755);
    });
    afterAll(async () => {
      await running?.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('starts its own Postgres, prints the URL and a one-time admin password, and keeps data across restarts', async () => {
      const first = await start();
      const banner = first.output();
      expect(banner).toContain(`Convoy is running: http://127.0.0.1:${first.port}`);
      const match = banner.match(/First sign-in: (\S+) \/ (\S+)/);
      expect(match).not.toBeNull();
      const [, email, password] = match as RegExpMatchArray;
      expect(email).toBe('admin@convoy.local');

      const client = new ApiClient(`http://127.0.0.1:${first.port}`);
      expect((await client.get('/health')).body).toMatchObject({ status: 'healthy', database: 'connected' });
      await client.login(email, password);
      expect(postgresProcessesUsing(dataDir).length).toBeGreaterThan(0);

      // Ctrl-C in the terminal signals the whole foreground group: Convoy closes, then stops its
      // Postgres — which must not have gone down first under Convoy's feet
      expect(await first.interruptGroup()).toBe(0);
      expect(first.output()).toContain('Embedded Postgres stopped');
      expect(first.output()).not.toMatch(/terminating connection|pool raised an error|query failed|ERROR/i);
      expect(postgresProcessesUsing(dataDir)).toEqual([]);

      // a second start reuses the data: the same admin signs in, no new password is printed
      const second = await start();
      expect(second.output()).not.toContain('First sign-in:');
      await new ApiClient(`http://127.0.0.1:${second.port}`).login(email, password);
      expect(await second.stop('SIGTERM')).toBe(0);
      expect(postgresProcessesUsing(dataDir)).toEqual([]);
      expect(readFileSync(join(dataDir, 'postgres', 'PG_VERSION'), 'utf8').trim()).toMatch(/^\d+$/);
    });

    it('recovers from a Convoy that was killed and left its Postgres behind', async () => {
      const crashed = await start();
      crashed.process.kill('SIGKILL');
      await crashed.exited;
      expect(postgresProcessesUsing(dataDir).length).toBeGreaterThan(0);

      const next = await start();
      expect(next.output()).toContain('Stopping an orphaned Postgres');
      expect((await new ApiClient(`http://127.0.0.1:${next.port}`).get('/health')).status).toBe(200);
      expect(await next.stop('SIGTERM')).toBe(0);
      expect(postgresProcessesUsing(dataDir)).toEqual([]);
    });
  });
});
