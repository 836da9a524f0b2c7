import { randomBytes } from 'node:crypto';
import type { CreatedApiTokenResponse, LiveRevocationReason, LoginResponse, Role, UserDto } from '@convoy/contracts';
import {
  ApiClient,
  connectLive,
  createTestDatabase,
  freePort,
  startApi,
  testPostgresServerUrl,
  TEST_ADMIN,
  withClient,
  type ApiProcess,
  type LiveRecorder,
  type TestDatabase,
} from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';

/** The promise: an open socket is closed within 2 s of its credential ending. */
const CLOSES_WITHIN_MS = 2_000;

/** Waits until the server told the socket why and closed it, at most `CLOSES_WITHIN_MS` after `since`. */
async function expectClosed(live: LiveRecorder, reason: LiveRevocationReason, since: number): Promise<void> {
  const deadline = since + CLOSES_WITHIN_MS;
  while (!(live.revocations.length > 0 && live.disconnects.length > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect({ revocations: live.revocations, disconnects: live.disconnects }).toEqual({
    revocations: [reason],
    disconnects: ['io server disconnect'],
  });
}

describe('live sockets are closed when their credential ends', () => {
  let fresh: FreshApi;
  let admin: ApiClient;
  let anonymous: ApiClient;

  /** A new user with a signed-in session (accessToken). */
  async function newUser(role: Role): Promise<{ user: UserDto; password: string; session: LoginResponse }> {
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const email = `${role}-${randomBytes(4).toString('hex')}@convoy.test`;
    const created = await admin.post<UserDto>('/api/users', { email, password, role });
    expect(created.status).toBe(201);
    const session = await anonymous.post<LoginResponse>('/api/auth/login', { email, password });
    expect(session.status).toBe(200);
    return { user: created.body, password, session: session.body };
  }

  const live = (token: string) => connectLive(fresh.api.baseUrl, token);

  beforeAll(async () => {
    fresh = await startFreshApi('live_revocation', { LOGIN_RATE_LIMIT: '1000' });
    anonymous = new ApiClient(fresh.api.baseUrl);
    admin = await anonymous.login(TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(() => fresh?.close());

  it('sign-out: "signed-out", and only that session’s socket', async () => {
    const { session } = await newUser('viewer');
    const signedOut = await live(session.accessToken);
    const bystander = await live((await anonymous.post<LoginResponse>('/api/auth/login', TEST_ADMIN)).body.accessToken);
    try {
      const answered = await anonymous.as(session.accessToken).post('/api/auth/logout');
      expect(answered.status).toBe(204);
      await expectClosed(signedOut, 'signed-out', Date.now());
      expect(bystander.socket.connected).toBe(true);
      expect(bystander.revocations).toEqual([]);
    } finally {
      signedOut.close();
      bystander.close();
    }
  });

  it('a disabled user: "account-disabled" for their sessions and for the API tokens they created', async () => {
    const { user, session } = await newUser('admin');
    const token = await anonymous.as(session.accessToken).post<CreatedApiTokenResponse>('/api/tokens', { name: 'feed', role: 'viewer' });
    expect(token.status).toBe(201);
    const bySession = await live(session.accessToken);
    const byToken = await live(token.body.token);
    try {
      expect((await admin.patch(`/api/users/${user.id}`, { disabled: true })).status).toBe(200);
      const since = Date.now();
      await expectClosed(bySession, 'account-disabled', since);
      await expectClosed(byToken, 'account-disabled', since);
    } finally {
      bySession.close();
      byToken.close();
    }
  });

  it('a password reset by an admin: "password-changed"', async () => {
    const { user, session } = await newUser('dispatcher');
    const socket = await live(session.accessToken);
    try {
      expect((await admin.patch(`/api/users/${user.id}`, { password: 'a-new-password-set-by-admin' })).status).toBe(200);
      await expectClosed(socket, 'password-changed', Date.now());
    } finally {
      socket.close();
    }
  });

  it('a password changed by its user: their other sessions close, the one that changed it stays', async () => {
    const { user, password, session } = await newUser('viewer');
    const second = await anonymous.post<LoginResponse>('/api/auth/login', { email: user.email, password });
    const changing = await live(session.accessToken);
    const elsewhere = await live(second.body.accessToken);
    try {
      const changed = await anonymous
        .as(session.accessToken)
        .post('/api/auth/password', { currentPassword: password, newPassword: 'a-brand-new-password-1' });
      expect(changed.status).toBe(204);
      await expectClosed(elsewhere, 'password-changed', Date.now());
      expect(changing.socket.connected).toBe(true);
      expect(changing.revocations).toEqual([]);
    } finally {
      changing.close();
      elsewhere.close();
    }
  });

  it('a revoked API token: "token-revoked"', async () => {
    const token = await admin.post<CreatedApiTokenResponse>('/api/tokens', { name: 'wallboard', role: 'viewer' });
    const socket = await live(token.body.token);
    try {
      expect((await admin.delete(`/api/tokens/${token.body.id}`)).status).toBe(204);
      await expectClosed(socket, 'token-revoked', Date.now());
    } finally {
      socket.close();
    }
  });

  it('a session reaching its expiry while connected: "session-expired"', async () => {
    const { user, session } = await newUser('viewer');
    // as if the session had been opened SESSION_TTL_HOURS ago, minus two seconds
    const expiresAt = await withClient(fresh.database.url, async (client) => {
      const result = await client.query<{ expires_at: Date }>(
        `UPDATE sessions SET expires_at = now() + interval '2 seconds' WHERE user_id = $1 RETURNING expires_at`,
        [user.id],
      );
      return result.rows[0].expires_at.getTime();
    });
    const socket = await live(session.accessToken);
    try {
      await expectClosed(socket, 'session-expired', expiresAt);
      expect((await anonymous.as(session.accessToken).get('/api/auth/me')).status).toBe(401);
    } finally {
      socket.close();
    }
  });
});

describe('revocation across instances (shared Postgres and Redis)', () => {
  const redisUrl = process.env['REDIS_URL'] ?? process.env['TEST_REDIS_URL'];
  let database: TestDatabase;
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    if (!redisUrl) throw new Error('This test needs Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379).');
    database = await createTestDatabase(testPostgresServerUrl(), 'live_revocation_ab');
    // a prefix of its own: other test runs on the same Redis must not hear (or send) these events
    const env = { REDIS_URL: redisUrl, REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}` };
    a = await startApi({ databaseUrl: database.url, port: await freePort(), env });
    b = await startApi({ databaseUrl: database.url, port: await freePort(), env });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it('signing out on instance A closes the socket open on instance B', async () => {
    const session = await new ApiClient(a.baseUrl).post<LoginResponse>('/api/auth/login', TEST_ADMIN);
    const onB = await connectLive(b.baseUrl, session.body.accessToken);
    try {
      expect((await new ApiClient(a.baseUrl, session.body.accessToken).post('/api/auth/logout')).status).toBe(204);
      await expectClosed(onB, 'signed-out', Date.now());
    } finally {
      onB.close();
    }
  });

  it('revoking a token on instance B closes its socket on instance A', async () => {
    const adminOnB = await new ApiClient(b.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    const token = await adminOnB.post<CreatedApiTokenResponse>('/api/tokens', { name: 'tv', role: 'viewer' });
    const onA = await connectLive(a.baseUrl, token.body.token);
    try {
      expect((await adminOnB.delete(`/api/tokens/${token.body.id}`)).status).toBe(204);
      await expectClosed(onA, 'token-revoked', Date.now());
    } finally {
      onA.close();
    }
  });
});
