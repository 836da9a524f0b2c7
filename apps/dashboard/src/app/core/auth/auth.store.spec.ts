import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { LoginResponse, MeResponse, SessionUser } from '@convoy/contracts';
import { API } from '../http/api-paths';
import { AuthStore } from './auth.store';

const ADMIN: SessionUser = { id: 'u-1', email: 'admin@convoy.test', role: 'admin', mustChangePassword: false };
const CREDENTIALS = { email: 'admin@convoy.test', password: 'correct horse battery' };

function loginAnswer(user = ADMIN): LoginResponse {
  return { user, accessToken: 'opaque-token', expiresAt: '2030-01-01T00:00:00.000Z' };
}

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  describe('login', () => {
    it('posts the credentials as JSON and holds the user the server returns', async () => {
      const done = store.login(CREDENTIALS);

      expect(store.submitting()).toBe(true);
      const req = http.expectOne(API.login);
      expect(req.request.method).toBe('POST');
      expect(req.request.body).toEqual(CREDENTIALS);
      req.flush(loginAnswer());

      await expect(done).resolves.toBe(true);
      expect(store.user()).toEqual(ADMIN);
      expect(store.signedIn()).toBe(true);
      expect(store.error()).toBeNull();
      expect(store.submitting()).toBe(false);
    });

    it('keeps the access token out of the store: the session lives in the httpOnly cookie', async () => {
      const done = store.login(CREDENTIALS);
      http.expectOne(API.login).flush(loginAnswer());
      await expect(done).resolves.toBe(true);

      expect(JSON.stringify(store.user())).not.toContain('opaque-token');
    });

    it('on 401 leaves nobody signed in and explains why', async () => {
      const done = store.login({ ...CREDENTIALS, password: 'wrong password' });
      http
        .expectOne(API.login)
        .flush(
          { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' },
          { status: 401, statusText: 'Unauthorized' },
        );

      await expect(done).resolves.toBe(false);
      expect(store.user()).toBeNull();
      expect(store.signedIn()).toBe(false);
      expect(store.error()).toBe('Wrong email or password');
      expect(store.submitting()).toBe(false);
    });

    it('on 429 asks to wait', async () => {
      const done = store.login(CREDENTIALS);
      http
        .expectOne(API.login)
        .flush(
          { statusCode: 429, error: 'Too Many Requests', message: 'ThrottlerException' },
          { status: 429, statusText: 'Too Many Requests' },
        );

      await expect(done).resolves.toBe(false);
      expect(store.error()).toBe('Too many attempts, try again in a minute');
    });

    it('says the server is unreachable when the request never got an answer', async () => {
      const done = store.login(CREDENTIALS);
      http.expectOne(API.login).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });

      await expect(done).resolves.toBe(false);
      expect(store.error()).toMatch(/cannot reach the convoy server/i);
    });

    it('clears the previous error when a new attempt starts, and ignores double submits', async () => {
      const first = store.login(CREDENTIALS);
      http.expectOne(API.login).flush({}, { status: 401, statusText: 'Unauthorized' });
      await expect(first).resolves.toBe(false);

      const second = store.login(CREDENTIALS);
      expect(store.error()).toBeNull();
      await expect(store.login(CREDENTIALS)).resolves.toBe(false); // while the second is in flight
      http.expectOne(API.login).flush(loginAnswer());
      await expect(second).resolves.toBe(true);
    });
  });

  describe('restore', () => {
    it('takes the user from GET /api/auth/me, once', async () => {
      const first = store.restore();
      const again = store.restore();
      const me: MeResponse = { user: ADMIN, via: 'session' };
      http.expectOne({ method: 'GET', url: API.me }).flush(me);

      await expect(first).resolves.toEqual(ADMIN);
      await expect(again).resolves.toEqual(ADMIN);
      expect(store.user()).toEqual(ADMIN);
    });

    it('counts a 401 as signed out', async () => {
      const done = store.restore();
      http.expectOne(API.me).flush({}, { status: 401, statusText: 'Unauthorized' });

      await expect(done).resolves.toBeNull();
      expect(store.signedIn()).toBe(false);
    });
  });

  describe('logout', () => {
    async function signIn(): Promise<void> {
      const done = store.login(CREDENTIALS);
      http.expectOne(API.login).flush(loginAnswer());
      await expect(done).resolves.toBe(true);
    }

    it('posts to /api/auth/logout and forgets the user', async () => {
      await signIn();

      const done = store.logout();
      const req = http.expectOne(API.logout);
      expect(req.request.method).toBe('POST');
      req.flush(null, { status: 204, statusText: 'No Content' });
      await done;

      expect(store.user()).toBeNull();
      await expect(store.restore()).resolves.toBeNull(); // no stale "me" comes back
    });

    it('forgets the user even if the server call fails', async () => {
      await signIn();

      const done = store.logout();
      http.expectOne(API.logout).flush({}, { status: 500, statusText: 'Server Error' });
      await done;

      expect(store.signedIn()).toBe(false);
    });
  });

  it('ranks roles: admin can do what a viewer can, not the reverse', async () => {
    const done = store.login(CREDENTIALS);
    http.expectOne(API.login).flush(loginAnswer({ ...ADMIN, role: 'viewer' }));
    await expect(done).resolves.toBe(true);

    expect(store.can('viewer')).toBe(true);
    expect(store.can('dispatcher')).toBe(false);
  });
});
