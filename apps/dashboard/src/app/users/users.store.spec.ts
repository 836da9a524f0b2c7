import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { UserDto } from '@convoy/contracts';
import { API } from '../core/http/api-paths';
import { UsersStore } from './users.store';

const ADMIN: UserDto = {
  id: 'u-admin',
  email: 'admin@convoy.test',
  role: 'admin',
  disabled: false,
  createdAt: '2026-11-01T08:00:00.000Z',
  lastLoginAt: '2026-11-24T08:00:00.000Z',
};
const VIEWER: UserDto = { ...ADMIN, id: 'u-viewer', email: 'viewer@convoy.test', role: 'viewer', lastLoginAt: null };

describe('UsersStore', () => {
  let store: UsersStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [UsersStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(UsersStore);
    http = TestBed.inject(HttpTestingController);
    const loaded = store.load();
    http.expectOne({ method: 'GET', url: API.users }).flush([ADMIN, VIEWER]);
    await loaded;
  });

  afterEach(() => http.verify());

  it('lists the users', () => {
    expect(store.users()).toEqual([ADMIN, VIEWER]);
    expect(store.loaded()).toBe(true);
  });

  it('creates a user with POST /api/users and adds them to the list', async () => {
    const request = { email: 'dispatch@convoy.test', password: 'a long enough passphrase', role: 'dispatcher' as const };
    const done = store.create(request);
    const req = http.expectOne({ method: 'POST', url: API.users });
    expect(req.request.body).toEqual(request);
    const created: UserDto = { ...VIEWER, id: 'u-new', email: request.email, role: 'dispatcher' };
    req.flush(created, { status: 201, statusText: 'Created' });

    await expect(done).resolves.toEqual(created);
    expect(store.users().map((user) => user.email)).toEqual(['admin@convoy.test', 'viewer@convoy.test', 'dispatch@convoy.test']);
  });

  it('says the email is taken on 409', async () => {
    const done = store.create({ email: 'viewer@convoy.test', password: 'a long enough passphrase', role: 'viewer' });
    http
      .expectOne(API.users)
      .flush(
        { statusCode: 409, error: 'Conflict', code: 'USER_EMAIL_TAKEN', message: 'A user with this email already exists' },
        { status: 409, statusText: 'Conflict' },
      );

    await expect(done).resolves.toBeNull();
    expect(store.createError()).toBe('Could not create the user: A user with this email already exists');
    store.clearCreateError();
    expect(store.createError()).toBeNull();
  });

  it('changes a role with PATCH /api/users/:id and keeps the server answer', async () => {
    const done = store.update('u-viewer', { role: 'dispatcher' });
    expect(store.isSaving('u-viewer')).toBe(true);
    const req = http.expectOne({ method: 'PATCH', url: `${API.users}/u-viewer` });
    expect(req.request.body).toEqual({ role: 'dispatcher' });
    req.flush({ ...VIEWER, role: 'dispatcher' });

    await expect(done).resolves.toMatchObject({ role: 'dispatcher' });
    expect(store.users()[1].role).toBe('dispatcher');
    expect(store.isSaving('u-viewer')).toBe(false);
  });

  it("keeps the server's 409 message beside the user it is about, and the list unchanged", async () => {
    const done = store.update('u-admin', { disabled: true }, 'Could not disable the user');
    http
      .expectOne({ method: 'PATCH', url: `${API.users}/u-admin` })
      .flush(
        { statusCode: 409, error: 'Conflict', code: 'USER_LAST_ADMIN', message: 'At least one active admin must remain' },
        { status: 409, statusText: 'Conflict' },
      );

    await expect(done).resolves.toBeNull();
    expect(store.rowError('u-admin')).toBe('Could not disable the user: At least one active admin must remain');
    expect(store.rowError('u-viewer')).toBeNull();
    expect(store.users()[0].disabled).toBe(false);

    // the next attempt starts clean
    const again = store.update('u-admin', { role: 'admin' });
    expect(store.rowError('u-admin')).toBeNull();
    http.expectOne({ method: 'PATCH', url: `${API.users}/u-admin` }).flush(ADMIN);
    await again;
  });
});
