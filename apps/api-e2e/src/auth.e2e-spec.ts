import type { CreatedApiTokenResponse, LoginResponse, MeResponse, UserDto } from '@convoy/contracts';
import { ApiClient, TEST_ADMIN } from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';

describe('accounts and sign-in', () => {
  let fresh: FreshApi;
  let anonymous: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    fresh = await startFreshApi('auth');
    anonymous = new ApiClient(fresh.api.baseUrl);
    admin = await anonymous.login(TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(() => fresh?.close());

  it('signs in with a session cookie that is httpOnly and SameSite, and the cookie alone authenticates', async () => {
    const response = await anonymous.post<LoginResponse>('/api/auth/login', TEST_ADMIN);
    expect(response.status).toBe(200);
    // the first admin's password came from ADMIN_PASSWORD: the dashboard asks for a new one first
    expect(response.body.user).toEqual({ id: expect.any(String), email: TEST_ADMIN.email, role: 'admin', mustChangePassword: true });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^convoy_session=cvs_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const sessionCookie = cookie.split(';')[0];
    expect(sessionCookie).toBe(`convoy_session=${response.body.accessToken}`);
    const me = await anonymous.get<MeResponse>('/api/auth/me', { cookie: sessionCookie });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: response.body.user, via: 'session' });
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrongPassword = await anonymous.post('/api/auth/login', { email: TEST_ADMIN.email, password: 'not-it' });
    const unknownEmail = await anonymous.post('/api/auth/login', { email: 'nobody@convoy.test', password: 'not-it' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body).toMatchObject({ message: 'Wrong email or password' });
  });

  it('rejects malformed and extra fields with 400 before touching accounts', async () => {
    expect((await anonymous.post('/api/auth/login', { email: 'not-an-email', password: 'x' })).status).toBe(400);
    expect((await anonymous.post('/api/auth/login', { ...TEST_ADMIN, role: 'admin' })).status).toBe(400);
  });

  it('logs out: the session token stops working', async () => {
    const session = await anonymous.login(TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await session.get('/api/auth/me')).status).toBe(200);
    const logout = await session.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/convoy_session=;/);
    expect((await session.get('/api/auth/me')).status).toBe(401);
  });

  describe('roles', () => {
    let viewer: ApiClient;
    let dispatcher: ApiClient;
    let viewerUser: UserDto;

    beforeAll(async () => {
      const created = await admin.post<UserDto>('/api/users', {
        email: 'Viewer@Convoy.test',
        password: 'viewer-password-1',
        role: 'viewer',
      });
      expect(created.status).toBe(201);
      viewerUser = created.body;
      expect(viewerUser).toMatchObject({ email: 'viewer@convoy.test', role: 'viewer', disabled: false });
      await admin.post('/api/users', { email: 'dispatch@convoy.test', password: 'dispatch-password-1', role: 'dispatcher' });
      viewer = await anonymous.login('viewer@convoy.test', 'viewer-password-1');
      dispatcher = await anonymous.login('dispatch@convoy.test', 'dispatch-password-1');
    });

    it('lets only admins manage users', async () => {
      const byViewer = await viewer.post('/api/users', { email: 'x@convoy.test', password: 'some-password-1', role: 'admin' });
      expect(byViewer.status).toBe(403);
      expect((await dispatcher.get('/api/users')).status).toBe(403);
      const list = await admin.get<UserDto[]>('/api/users');
      expect(list.status).toBe(200);
      expect(list.body.map((u) => u.email)).toEqual(['admin@convoy.test', 'viewer@convoy.test', 'dispatch@convoy.test']);
    });

    it('refuses a second account with the same email, whatever its case', async () => {
      const duplicate = await admin.post('/api/users', { email: 'VIEWER@convoy.test', password: 'another-password', role: 'viewer' });
      expect(duplicate.status).toBe(409);
    });

    it('changes a role, and disabling a user ends their sessions and sign-ins', async () => {
      const promoted = await admin.patch<UserDto>(`/api/users/${viewerUser.id}`, { role: 'dispatcher' });
      expect(promoted.body.role).toBe('dispatcher');
      expect((await viewer.get<MeResponse>('/api/auth/me')).body.user.role).toBe('dispatcher');

      const disabled = await admin.patch<UserDto>(`/api/users/${viewerUser.id}`, { disabled: true });
      expect(disabled.body.disabled).toBe(true);
      expect((await viewer.get('/api/auth/me')).status).toBe(401);
      const signIn = await anonymous.post('/api/auth/login', { email: 'viewer@convoy.test', password: 'viewer-password-1' });
      expect(signIn.status).toBe(401);
    });

    it('never leaves the system without an active admin', async () => {
      const me = await admin.get<MeResponse>('/api/auth/me');
      const selfDemote = await admin.patch(`/api/users/${me.body.user.id}`, { role: 'viewer' });
      expect(selfDemote.status).toBe(409);
      const selfDisable = await admin.patch(`/api/users/${me.body.user.id}`, { disabled: true });
      expect(selfDisable.status).toBe(409);
    });
  });

  describe('integrator API tokens', () => {
    it('creates a token shown once, which works as Bearer until revoked', async () => {
      const created = await admin.post<CreatedApiTokenResponse>('/api/tokens', { name: 'ERP', role: 'viewer' });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^cvt_[A-Za-z0-9_-]{43}$/);
      expect(created.body).toMatchObject({ name: 'ERP', role: 'viewer', createdBy: TEST_ADMIN.email, revokedAt: null });

      const integrator = anonymous.as(created.body.token);
      const me = await integrator.get<MeResponse>('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ via: 'api-token', user: { role: 'viewer' } });
      expect((await integrator.get('/api/users')).status).toBe(403);

      const list = await admin.get<Array<Record<string, unknown>>>('/api/tokens');
      const listed = list.body.find((t) => t['id'] === created.body.id);
      expect(listed).toMatchObject({ name: 'ERP', prefix: created.body.token.slice(0, 12) });
      expect(JSON.stringify(list.body)).not.toContain(created.body.token);

      expect((await admin.delete(`/api/tokens/${created.body.id}`)).status).toBe(204);
      expect((await integrator.get('/api/auth/me')).status).toBe(401);
    });

    it('an admin token can read users; a forged or garbled token is 401', async () => {
      const created = await admin.post<CreatedApiTokenResponse>('/api/tokens', { name: 'ops', role: 'admin', expiresInDays: 30 });
      expect(created.body.expiresAt).not.toBeNull();
      expect((await anonymous.as(created.body.token).get('/api/users')).status).toBe(200);
      const forged = `${created.body.token.slice(0, -4)}AAAA`;
      expect((await anonymous.as(forged).get('/api/users')).status).toBe(401);
      expect((await anonymous.as('garbage').get('/api/users')).status).toBe(401);
    });

    it('rejects unknown fields and out-of-range expiry', async () => {
      expect((await admin.post('/api/tokens', { name: 'x', role: 'viewer', expiresInDays: 0 })).status).toBe(400);
      expect((await admin.post('/api/tokens', { name: 'x', role: 'root' })).status).toBe(400);
    });
  });
});

describe('sign-in rate limit', () => {
  let fresh: FreshApi;

  beforeAll(async () => {
    fresh = await startFreshApi('ratelimit', { LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => fresh?.close());

  it('answers 429 after LOGIN_RATE_LIMIT attempts in a minute', async () => {
    const client = new ApiClient(fresh.api.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await client.post('/api/auth/login', { email: TEST_ADMIN.email, password: 'wrong-password' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('sign-in rate limit behind a proxy (TRUST_PROXY)', () => {
  // The test client connects from 127.0.0.1, which the default (loopback) trusts; these settings
  // decide whether that peer counts as a proxy whose X-Forwarded-For names the client.
  const attempt = (api: FreshApi, forwardedFor: string, extra: Record<string, string> = {}) =>
    new ApiClient(api.api.baseUrl).post('/api/auth/login', { email: TEST_ADMIN.email, password: 'wrong-password' }, {
      'x-forwarded-for': forwardedFor,
      ...extra,
    });
  const statuses = async (api: FreshApi, forwardedFor: string, count: number) => {
    const seen: number[] = [];
    for (let i = 0; i < count; i++) seen.push((await attempt(api, forwardedFor)).status);
    return seen;
  };

  describe('TRUST_PROXY=1 (one proxy in front, as in docker compose and Kubernetes)', () => {
    let fresh: FreshApi;
    beforeAll(async () => {
      fresh = await startFreshApi('trust-one-hop', { LOGIN_RATE_LIMIT: '2', TRUST_PROXY: '1' });
    });
    afterAll(() => fresh?.close());

    it('gives each client address the proxy reports its own budget', async () => {
      expect(await statuses(fresh, '203.0.113.1', 3)).toEqual([401, 401, 429]);
      // another client behind the same proxy is not locked out with the first
      expect(await statuses(fresh, '203.0.113.2', 3)).toEqual([401, 401, 429]);
    });

    it('believes only the address the proxy added: a client cannot escape its budget by forging an earlier hop', async () => {
      // the proxy appends the peer it saw; anything before that came from the client
      const forged = [];
      for (const fake of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) forged.push((await attempt(fresh, `${fake}, 203.0.113.4`)).status);
      expect(forged).toEqual([401, 401, 429]);
    });

    it('takes the scheme from the proxy too: the session cookie is Secure behind an https proxy', async () => {
      const response = await new ApiClient(fresh.api.baseUrl).post('/api/auth/login', TEST_ADMIN, {
        'x-forwarded-for': '203.0.113.3',
        'x-forwarded-proto': 'https',
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    });
  });

  describe.each([
    ['false', 'nobody is trusted'],
    ['192.0.2.10,10.0.0.0/8', 'the peer is not one of the listed proxies'],
  ])('TRUST_PROXY=%s (%s)', (trustProxy) => {
    let fresh: FreshApi;
    beforeAll(async () => {
      fresh = await startFreshApi('trust-none', { LOGIN_RATE_LIMIT: '2', TRUST_PROXY: trustProxy });
    });
    afterAll(() => fresh?.close());

    it('ignores X-Forwarded-For and X-Forwarded-Proto: every claimed address shares the peer’s budget', async () => {
      const signedIn = await new ApiClient(fresh.api.baseUrl).post('/api/auth/login', TEST_ADMIN, {
        'x-forwarded-for': '203.0.113.9',
        'x-forwarded-proto': 'https',
      });
      expect(signedIn.status).toBe(200);
      // plain http as far as Convoy can tell: no Secure cookie on the strength of a header
      expect(signedIn.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
      expect([(await attempt(fresh, '203.0.113.1')).status, (await attempt(fresh, '203.0.113.2')).status]).toEqual([401, 429]);
    });
  });
});

describe('passwords', () => {
  let fresh: FreshApi;
  let anonymous: ApiClient;

  beforeAll(async () => {
    fresh = await startFreshApi('passwords');
    anonymous = new ApiClient(fresh.api.baseUrl);
  });
  afterAll(() => fresh?.close());

  it('a user changes their own password: the old one stops working, other sessions end, this one stays', async () => {
    const admin = await anonymous.login(TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.post('/api/users', { email: 'pat@convoy.test', password: 'first-password-1', role: 'dispatcher' });
    const laptop = await anonymous.login('pat@convoy.test', 'first-password-1');
    const phone = await anonymous.login('pat@convoy.test', 'first-password-1');

    const wrong = await laptop.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'second-password-2' });
    expect(wrong.status).toBe(400);
    const tooShort = await laptop.post('/api/auth/password', { currentPassword: 'first-password-1', newPassword: 'short' });
    expect(tooShort.status).toBe(400);

    const changed = await laptop.post('/api/auth/password', {
      currentPassword: 'first-password-1',
      newPassword: 'second-password-2',
    });
    expect(changed.status).toBe(204);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.post('/api/auth/login', { email: 'pat@convoy.test', password: 'first-password-1' })).status).toBe(401);
    await anonymous.login('pat@convoy.test', 'second-password-2');
  });

  it('an admin resets a forgotten password, which ends that user’s sessions', async () => {
    const admin = await anonymous.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const created = await admin.post<UserDto>('/api/users', { email: 'sam@convoy.test', password: 'forgotten-password', role: 'viewer' });
    const sam = await anonymous.login('sam@convoy.test', 'forgotten-password');
    expect((await admin.patch(`/api/users/${created.body.id}`, { password: 'brand-new-password' })).status).toBe(200);
    expect((await sam.get('/api/auth/me')).status).toBe(401);
    await anonymous.login('sam@convoy.test', 'brand-new-password');
  });
});
