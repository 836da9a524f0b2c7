import { spawn } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AUTH_ERROR_CODES, type CreatedApiTokenResponse, type LoginResponse, type MeResponse, type UserDto } from '@convoy/contracts';
import {
  ApiClient,
  createTestDatabase,
  startApi,
  TEST_ADMIN,
  testPostgresServerUrl,
  type ApiProcess,
  type TestDatabase,
} from '@convoy/testing';
import { Client } from 'pg';
import { startFreshApi, type FreshApi } from './support/fresh-api';
import { processMemoryMiB } from './support/process-memory';

const CLI_ENTRY = resolve(__dirname, '../../../dist/apps/api/cli.js');
const wrong = (email: string) => ({ email, password: 'not-the-password' });

async function sql<T = Record<string, unknown>>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Runs the built CLI against `databaseUrl` like ops would inside the container. */
function runCli(databaseUrl: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NODE_ENV: 'test', DATABASE_URL: databaseUrl, APP_SECRET: 'x'.repeat(40) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

const oneTimePassword = (output: string) => (output.match(/One-time password: (\S+)/) as RegExpMatchArray)[1];

describe('password hashing under a burst of sign-ins', () => {
  let fresh: FreshApi;

  beforeAll(async () => {
    // every attempt comes from its own address (one proxy in front, TRUST_PROXY=1), so the
    // per-address limit does not stop the burst before it reaches the password hashing
    // and the per-account limit is lifted so that every attempt really hashes
    fresh = await startFreshApi('login-burst', { TRUST_PROXY: '1', LOGIN_ACCOUNT_RATE_LIMIT: '1000' });
  });
  afterAll(() => fresh?.close());

  it('50 concurrent failed sign-ins from 50 addresses keep RSS under 400 MiB and /health/live answering', async () => {
    const pid = fresh.api.process.pid as number;
    const client = new ApiClient(fresh.api.baseUrl);
    const before = processMemoryMiB(pid);

    let bursting = true;
    const liveAnswers: number[] = [];
    const probe = (async () => {
      while (bursting) {
        liveAnswers.push((await client.get('/health/live')).status);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        // half against the real admin, half against unknown accounts (hashed against a dummy)
        client.post('/api/auth/login', wrong(i % 2 ? TEST_ADMIN.email : `nobody-${i}@convoy.test`), {
          'x-forwarded-for': `198.51.100.${i + 1}`,
        }),
      ),
    );
    bursting = false;
    await probe;
    const after = processMemoryMiB(pid);
    console.log(`login burst: RSS ${before.rss.toFixed(0)} → ${after.rss.toFixed(0)} MiB, peak ${after.peak.toFixed(0)} MiB`);

    expect(after.peak).toBeLessThan(400);
    const statuses = burst.map((r) => r.status);
    // wrong password, or "busy, retry": never a crash
    expect(statuses.every((s) => [401, 503].includes(s))).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    for (const busy of burst.filter((r) => r.status === 503)) {
      expect(busy.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(busy.body).toMatchObject({ code: AUTH_ERROR_CODES.busy });
    }
    expect(liveAnswers.length).toBeGreaterThan(0);
    expect(liveAnswers.every((s) => s === 200)).toBe(true);
    // the API is still itself afterwards
    await client.login(TEST_ADMIN.email, TEST_ADMIN.password);
  });
});

describe('sign-in limits across two replicas (Redis)', () => {
  const redisUrl = process.env['REDIS_URL'] ?? process.env['TEST_REDIS_URL'];
  let database: TestDatabase;
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    if (!redisUrl) throw new Error('This test needs Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379)');
    database = await createTestDatabase(testPostgresServerUrl(), 'login-limits');
    // Redis is shared by every test run on this machine: a key prefix of our own
    const env = {
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `convoy-test-${randomBytes(6).toString('hex')}`,
      TRUST_PROXY: '1',
      LOGIN_RATE_LIMIT: '3',
      LOGIN_ACCOUNT_RATE_LIMIT: '4',
    };
    a = await startApi({ databaseUrl: database.url, env });
    b = await startApi({ databaseUrl: database.url, env });
    await new ApiClient(a.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password).then((admin) =>
      admin.post('/api/users', { email: 'target@convoy.test', password: 'target-password-1', role: 'viewer' }),
    );
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  const attempt = (api: ApiProcess, address: string, email: string) =>
    new ApiClient(api.baseUrl).post('/api/auth/login', wrong(email), { 'x-forwarded-for': address });

  it('one address gets LOGIN_RATE_LIMIT attempts in all, however they are spread over the replicas', async () => {
    const seen = [];
    for (const api of [a, b, a, b]) seen.push((await attempt(api, '203.0.113.7', `spread-${seen.length}@convoy.test`)).status);
    expect(seen).toEqual([401, 401, 401, 429]);
  });

  it('one account gets LOGIN_ACCOUNT_RATE_LIMIT attempts in all, from any addresses on any replica', async () => {
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push((await attempt(i % 2 ? b : a, `192.0.2.${i + 1}`, 'Target@Convoy.test')).status);
    expect(seen).toEqual([401, 401, 401, 401, 429]);
    // even the right password now waits: the account is locked for the window, not the person's other accounts
    const right = await new ApiClient(b.baseUrl).post('/api/auth/login', { email: 'target@convoy.test', password: 'target-password-1' }, {
      'x-forwarded-for': '192.0.2.99',
    });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after-sign-in-account')).toMatch(/^\d+$/);
    expect((await attempt(a, '192.0.2.100', 'other@convoy.test')).status).toBe(401);
  });
});

describe('API tokens act for integrators, not for people', () => {
  let fresh: FreshApi;
  let admin: ApiClient;
  let integrator: ApiClient;
  let adminId: string;
  let viewer: UserDto;

  beforeAll(async () => {
    fresh = await startFreshApi('token-powers');
    admin = await new ApiClient(fresh.api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    adminId = (await admin.get<MeResponse>('/api/auth/me')).body.user.id;
    viewer = (await admin.post<UserDto>('/api/users', { email: 'v@convoy.test', password: 'viewer-password-1', role: 'viewer' })).body;
    const token = await admin.post<CreatedApiTokenResponse>('/api/tokens', { name: 'ERP', role: 'admin', expiresInDays: 90 });
    integrator = admin.as(token.body.token);
  });
  afterAll(() => fresh?.close());

  const expectPersonRequired = (response: { status: number; body: unknown }) => {
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: AUTH_ERROR_CODES.personRequired });
  };

  it('an admin token may read users, but not create, change, disable or reset them', async () => {
    expect((await integrator.get('/api/users')).status).toBe(200);
    expectPersonRequired(await integrator.post('/api/users', { email: 'x@convoy.test', password: 'some-password-1', role: 'admin' }));
    expectPersonRequired(await integrator.patch(`/api/users/${viewer.id}`, { role: 'admin' }));
    expectPersonRequired(await integrator.patch(`/api/users/${viewer.id}`, { disabled: true }));
    expectPersonRequired(await integrator.patch(`/api/users/${viewer.id}`, { password: 'taken-over-password' }));
    const stored = await admin.get<UserDto[]>('/api/users');
    expect(stored.body.map((u) => u.email)).toEqual([TEST_ADMIN.email, 'v@convoy.test']);
    expect(stored.body.find((u) => u.id === viewer.id)).toMatchObject({ role: 'viewer', disabled: false });
  });

  it('a token cannot mint or revoke tokens, nor change its creator’s password', async () => {
    expectPersonRequired(await integrator.post('/api/tokens', { name: 'more', role: 'admin' }));
    const other = await admin.post<CreatedApiTokenResponse>('/api/tokens', { name: 'other', role: 'viewer' });
    expectPersonRequired(await integrator.delete(`/api/tokens/${other.body.id}`));
    expect((await admin.as(other.body.token).get('/api/auth/me')).status).toBe(200);
    expectPersonRequired(
      await integrator.post('/api/auth/password', { currentPassword: TEST_ADMIN.password, newPassword: 'hijacked-password-1' }),
    );
    await new ApiClient(fresh.api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
  });

  it('your own password is changed with the current one only: PATCH /api/users/:ownId {password} is refused', async () => {
    const own = await admin.patch(`/api/users/${adminId}`, { password: 'without-the-current' });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: AUTH_ERROR_CODES.ownPasswordViaChange });
    await new ApiClient(fresh.api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
  });

  it('an admin resets someone else’s password as a one-time password they must change', async () => {
    expect((await admin.patch(`/api/users/${viewer.id}`, { password: 'one-time-password-1' })).status).toBe(200);
    const signedIn = await new ApiClient(fresh.api.baseUrl).post<LoginResponse>('/api/auth/login', {
      email: 'v@convoy.test',
      password: 'one-time-password-1',
    });
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    const session = admin.as(signedIn.body.accessToken);
    const same = await session.post('/api/auth/password', { currentPassword: 'one-time-password-1', newPassword: 'one-time-password-1' });
    expect(same.status).toBe(400);
    expect((await session.post('/api/auth/password', { currentPassword: 'one-time-password-1', newPassword: 'my-own-password-2' })).status).toBe(204);
    expect((await session.get<MeResponse>('/api/auth/me')).body.user.mustChangePassword).toBe(false);
  });

  it('new tokens carry the expiry they were given, and an expired token stops working', async () => {
    const created = await admin.post<CreatedApiTokenResponse>('/api/tokens', { name: 'short', role: 'viewer', expiresInDays: 1 });
    const expiresAt = Date.parse(created.body.expiresAt as string);
    expect(expiresAt - Date.now()).toBeGreaterThan(86_400_000 - 60_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(86_400_000);
    const token = admin.as(created.body.token);
    expect((await token.get('/api/auth/me')).status).toBe(200);
    await sql(fresh.database.url, `UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.body.id]);
    expect((await token.get('/api/auth/me')).status).toBe(401);
  });
});

describe('stored hashes from before (scrypt N=2^17, 128 MiB)', () => {
  let fresh: FreshApi;
  beforeAll(async () => {
    fresh = await startFreshApi('rehash');
  });
  afterAll(() => fresh?.close());

  it('still sign in, and are replaced by a 64 MiB hash at that sign-in', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('an-old-password-1', salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
    const legacy = ['scrypt', 2 ** 17, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await sql(fresh.database.url, `UPDATE users SET password_hash = $1, must_change_password = false WHERE email = $2`, [legacy, TEST_ADMIN.email]);

    await new ApiClient(fresh.api.baseUrl).login(TEST_ADMIN.email, 'an-old-password-1');
    const [row] = await sql<{ password_hash: string }>(fresh.database.url, `SELECT password_hash FROM users WHERE email = $1`, [TEST_ADMIN.email]);
    expect(row.password_hash).toMatch(/^scrypt\$65536\$8\$2\$/);
    await new ApiClient(fresh.api.baseUrl).login(TEST_ADMIN.email, 'an-old-password-1');
  });
});

describe('the first admin', () => {
  it('from ADMIN_PASSWORD must change it at the first sign-in', async () => {
    const fresh = await startFreshApi('first-admin-env');
    try {
      const anonymous = new ApiClient(fresh.api.baseUrl);
      const first = await anonymous.post<LoginResponse>('/api/auth/login', TEST_ADMIN);
      expect(first.body.user).toMatchObject({ email: TEST_ADMIN.email, role: 'admin', mustChangePassword: true });
      const session = anonymous.as(first.body.accessToken);
      expect((await session.post('/api/auth/password', { currentPassword: TEST_ADMIN.password, newPassword: 'chosen-by-the-admin' })).status).toBe(204);
      expect((await session.get<MeResponse>('/api/auth/me')).body.user.mustChangePassword).toBe(false);
      const again = await anonymous.post<LoginResponse>('/api/auth/login', { email: TEST_ADMIN.email, password: 'chosen-by-the-admin' });
      expect(again.body.user.mustChangePassword).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  describe('in production without ADMIN_PASSWORD', () => {
    let dataDir: string;
    let database: TestDatabase;
    let api: ApiProcess | undefined;

    beforeAll(async () => {
      dataDir = join(mkdtempSync(join(tmpdir(), 'convoy-first-admin-')), 'data');
      database = await createTestDatabase(testPostgresServerUrl(), 'first-admin-prod');
    });
    afterAll(async () => {
      await api?.stop();
      await database?.drop();
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    });

    it('never prints the generated password: it is in a 0600 file under DATA_DIR, named in the log', async () => {
      api = await startApi({
        databaseUrl: database.url,
        env: {
          NODE_ENV: 'production',
          DATA_DIR: dataDir,
          ADMIN_EMAIL: undefined,
          ADMIN_PASSWORD: undefined,
          LOG_LEVEL: 'log',
          SHUTDOWN_DRAIN_SECONDS: '0',
        },
      });
      const file = join(dataDir, 'first-admin-password');
      const password = readFileSync(file, 'utf8').trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // the banner and the log line arrive asynchronously after /health/live answers
      const started = api;
      for (let i = 0; i < 100 && !started.output().includes(`one-time password is in ${file}`); i++) await new Promise((r) => setTimeout(r, 100));
      const output = api.output();
      expect(output).toContain(`one-time password is in ${file}`);
      expect(output).toContain(`with the one-time password in ${file}`);
      expect(output).not.toContain(password);

      const signedIn = await new ApiClient(api.baseUrl).post<LoginResponse>('/api/auth/login', { email: 'admin@convoy.local', password });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user.mustChangePassword).toBe(true);
    });
  });
});

describe('account recovery CLI (node dist/apps/api/cli.js)', () => {
  let fresh: FreshApi;
  beforeAll(async () => {
    fresh = await startFreshApi('cli');
  });
  afterAll(() => fresh?.close());

  it('users:create makes a user with a one-time password printed once, who must change it', async () => {
    const created = await runCli(fresh.database.url, ['users:create', 'Ops@Convoy.test', '--role', 'dispatcher']);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created ops@convoy.test (dispatcher)');
    const signedIn = await new ApiClient(fresh.api.baseUrl).post<LoginResponse>('/api/auth/login', {
      email: 'ops@convoy.test',
      password: oneTimePassword(created.stdout),
    });
    expect(signedIn.body.user).toMatchObject({ role: 'dispatcher', mustChangePassword: true });

    const duplicate = await runCli(fresh.database.url, ['users:create', 'ops@convoy.test']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('A user with this email already exists');
  });

  it('users:list shows every user with role and status', async () => {
    const listed = await runCli(fresh.database.url, ['users:list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/EMAIL\s+ROLE\s+STATUS\s+LAST SIGN-IN/);
    expect(listed.stdout).toMatch(new RegExp(`${TEST_ADMIN.email}\\s+admin\\s+active`));
    expect(listed.stdout).toMatch(/ops@convoy\.test\s+dispatcher\s+active/);
  });

  it('users:reset-password sets a one-time password and ends every session of that user', async () => {
    const anonymous = new ApiClient(fresh.api.baseUrl);
    const before = await anonymous.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const reset = await runCli(fresh.database.url, ['users:reset-password', TEST_ADMIN.email]);
    expect(reset.code).toBe(0);
    expect((await before.get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.post('/api/auth/login', TEST_ADMIN)).status).toBe(401);
    const signedIn = await anonymous.post<LoginResponse>('/api/auth/login', { email: TEST_ADMIN.email, password: oneTimePassword(reset.stdout) });
    expect(signedIn.body.user.mustChangePassword).toBe(true);
  });

  it('answers an unknown user or command with a message and a non-zero exit, never a stack trace', async () => {
    const unknownUser = await runCli(fresh.database.url, ['users:reset-password', 'nobody@convoy.test']);
    expect(unknownUser.code).toBe(1);
    expect(unknownUser.stderr).toContain('No such user');
    const unknownCommand = await runCli(fresh.database.url, ['users:delete-everything']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('Unknown command: users:delete-everything');
    expect(unknownCommand.stderr + unknownUser.stderr).not.toMatch(/\n\s+at /);
  });
});
