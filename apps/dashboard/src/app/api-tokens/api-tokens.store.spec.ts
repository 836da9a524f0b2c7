import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ApiTokenDto, CreatedApiTokenResponse } from '@convoy/contracts';
import { API } from '../core/http/api-paths';
import { apiTokenState, ApiTokensStore } from './api-tokens.store';

const TOKEN: ApiTokenDto = {
  id: 't-1',
  name: 'ERP integration',
  role: 'viewer',
  prefix: 'cvt_Xb1mVh8c',
  createdBy: 'admin@convoy.test',
  createdAt: '2026-11-24T08:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
};
const CREATED: CreatedApiTokenResponse = { ...TOKEN, id: 't-2', name: 'Warehouse', token: 'cvt_Xb1mVh8cPqL5sNf4eRj6uYgKiOoWxA3q' };

describe('ApiTokensStore', () => {
  let store: ApiTokensStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [ApiTokensStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(ApiTokensStore);
    http = TestBed.inject(HttpTestingController);
    const loaded = store.load();
    http.expectOne({ method: 'GET', url: API.apiTokens }).flush([TOKEN]);
    await loaded;
  });

  afterEach(() => http.verify());

  it('creates a token: the secret stays in created() only, the list gets the rest', async () => {
    const done = store.create({ name: 'Warehouse', role: 'viewer', expiresInDays: 90 });
    const req = http.expectOne({ method: 'POST', url: API.apiTokens });
    expect(req.request.body).toEqual({ name: 'Warehouse', role: 'viewer', expiresInDays: 90 });
    req.flush(CREATED, { status: 201, statusText: 'Created' });

    await expect(done).resolves.toEqual(CREATED);
    expect(store.created()?.token).toBe(CREATED.token);
    expect(store.tokens().map((token) => token.name)).toEqual(['Warehouse', 'ERP integration']);
    expect(JSON.stringify(store.tokens())).not.toContain(CREATED.token);

    store.dismissCreated();
    expect(store.created()).toBeNull();
  });

  it("shows the server's message when creating fails", async () => {
    const done = store.create({ name: 'x', role: 'admin' });
    http
      .expectOne(API.apiTokens)
      .flush(
        { statusCode: 403, error: 'Forbidden', code: 'TOKEN_ROLE_TOO_HIGH', message: 'A token cannot have a higher role than its creator' },
        { status: 403, statusText: 'Forbidden' },
      );

    await expect(done).resolves.toBeNull();
    expect(store.createError()).toBe('Could not create the token: A token cannot have a higher role than its creator');
  });

  it('revokes with DELETE /api/tokens/:id, and forgets a secret still on screen', async () => {
    const created = store.create({ name: 'Warehouse', role: 'viewer' });
    http.expectOne({ method: 'POST', url: API.apiTokens }).flush(CREATED);
    await created;

    const done = store.revoke('t-2');
    http.expectOne({ method: 'DELETE', url: `${API.apiTokens}/t-2` }).flush(null, { status: 204, statusText: 'No Content' });

    await expect(done).resolves.toBe(true);
    expect(apiTokenState(store.tokens()[0])).toBe('revoked');
    expect(store.created()).toBeNull();
  });

  it('keeps the token when revoking fails and says why', async () => {
    const done = store.revoke('t-1');
    http
      .expectOne({ method: 'DELETE', url: `${API.apiTokens}/t-1` })
      .flush({ statusCode: 404, error: 'Not Found', message: 'No such API token' }, { status: 404, statusText: 'Not Found' });

    await expect(done).resolves.toBe(false);
    expect(store.revokeError()).toBe('Could not revoke the token: No such API token');
    expect(apiTokenState(store.tokens()[0])).toBe('active');
  });
});

describe('apiTokenState', () => {
  const now = Date.parse('2026-11-24T12:00:00.000Z');

  it.each([
    [{}, 'active'],
    [{ expiresAt: '2026-12-24T12:00:00.000Z' }, 'active'],
    [{ expiresAt: '2026-11-24T11:59:59.000Z' }, 'expired'],
    [{ revokedAt: '2026-11-24T10:00:00.000Z', expiresAt: '2026-11-24T11:00:00.000Z' }, 'revoked'],
  ] as const)('%p → %s', (overrides, state) => {
    expect(apiTokenState({ ...TOKEN, ...overrides }, now)).toBe(state);
  });
});
