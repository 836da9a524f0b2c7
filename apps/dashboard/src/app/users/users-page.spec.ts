import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UserDto } from '@convoy/contracts';
import { AuthStore } from '../core/auth/auth.store';
import { API } from '../core/http/api-paths';
import { polyfillDialog } from '../ui/dialog-test-polyfill';
import { UsersPage } from './users-page';

const ADMIN: UserDto = {
  id: 'u-admin',
  email: 'admin@convoy.test',
  role: 'admin',
  disabled: false,
  createdAt: '2026-11-01T08:00:00.000Z',
  lastLoginAt: '2026-11-24T08:00:00.000Z',
};
const OTHER_ADMIN: UserDto = { ...ADMIN, id: 'u-other', email: 'boss@convoy.test' };
const VIEWER: UserDto = { ...ADMIN, id: 'u-viewer', email: 'viewer@convoy.test', role: 'viewer', lastLoginAt: null };

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  beforeAll(polyfillDialog);

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    const signedIn = TestBed.inject(AuthStore).login({ email: ADMIN.email, password: 'correct horse battery' });
    backend.expectOne(API.login).flush({ user: { id: ADMIN.id, email: ADMIN.email, role: 'admin' }, accessToken: 't', expiresAt: '' });
    await signedIn;

    fixture = TestBed.createComponent(UsersPage);
    el = fixture.nativeElement as HTMLElement;
    backend.expectOne(API.users).flush([ADMIN, OTHER_ADMIN, VIEWER]);
    await settle();
  });

  afterEach(() => backend.verify());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const row = (email: string): HTMLElement => {
    const found = el.querySelector<HTMLElement>(`[data-user-email="${email}"]`);
    if (!found) throw new Error(`no row for ${email}`);
    return found;
  };
  const inRow = <T extends HTMLElement>(email: string, testId: string): T | null =>
    row(email).querySelector<T>(`[data-testid="${testId}"]`);

  it('lists users with role, state and last sign-in', () => {
    expect(el.querySelectorAll('[data-testid="user-row"]')).toHaveLength(3);
    expect(inRow<HTMLSelectElement>('viewer@convoy.test', 'user-role-select')?.value).toBe('viewer');
    expect(inRow('viewer@convoy.test', 'user-state')?.textContent).toBe('Active');
    expect(row('viewer@convoy.test').textContent).toContain('Never');
  });

  it('keeps admins from locking themselves out: no role change or disabling on their own row', () => {
    expect(inRow<HTMLSelectElement>('admin@convoy.test', 'user-role-select')?.disabled).toBe(true);
    expect(inRow('admin@convoy.test', 'user-disable')).toBeNull();
    expect(inRow('admin@convoy.test', 'user-set-password')).toBeNull();
    expect(row('admin@convoy.test').textContent).toContain('you');
  });

  it("shows the server's refusal inline and puts the select back to the stored role", async () => {
    const select = inRow<HTMLSelectElement>('boss@convoy.test', 'user-role-select');
    if (!select) throw new Error('no select');
    select.value = 'viewer';
    select.dispatchEvent(new Event('change'));
    backend
      .expectOne({ method: 'PATCH', url: `${API.users}/u-other` })
      .flush(
        { statusCode: 409, error: 'Conflict', code: 'USER_LAST_ADMIN', message: 'At least one active admin must remain' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    const error = el.querySelector('[data-testid="user-error"]');
    expect(error?.textContent).toBe('Could not change the role: At least one active admin must remain');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(select.value).toBe('admin');
    expect(select.getAttribute('aria-describedby')).toBe(error?.id);
  });

  it('disables a user after confirmation and says so', async () => {
    inRow<HTMLButtonElement>('viewer@convoy.test', 'user-disable')?.click();
    await settle();
    expect(el.querySelector('[data-testid="disable-user-dialog"]')?.hasAttribute('open')).toBe(true);

    el.querySelector<HTMLButtonElement>('[data-testid="disable-user-dialog"] [data-testid="confirm-button"]')?.click();
    const req = backend.expectOne({ method: 'PATCH', url: `${API.users}/u-viewer` });
    expect(req.request.body).toEqual({ disabled: true });
    req.flush({ ...VIEWER, disabled: true });
    await settle();

    expect(inRow('viewer@convoy.test', 'user-state')?.textContent).toBe('Disabled');
    expect(inRow('viewer@convoy.test', 'user-enable')).not.toBeNull();
    expect(el.querySelector('[data-testid="users-status"]')?.textContent).toContain('viewer@convoy.test is disabled');
  });

  it('creates a user from the dialog', async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="new-user"]')?.click();
    await settle();
    const set = (testId: string, value: string) => {
      const input = el.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no ${testId}`);
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    };
    set('new-user-email', 'dispatch@convoy.test');
    set('new-user-role', 'dispatcher');
    set('new-user-password', 'short');
    el.querySelector<HTMLButtonElement>('[data-testid="new-user-submit"]')?.click();
    await settle();
    backend.expectNone({ method: 'POST', url: API.users });
    expect(el.textContent).toContain('At least 12 characters.');

    set('new-user-password', 'a long enough passphrase');
    el.querySelector<HTMLButtonElement>('[data-testid="new-user-submit"]')?.click();
    const req = backend.expectOne({ method: 'POST', url: API.users });
    expect(req.request.body).toEqual({ email: 'dispatch@convoy.test', role: 'dispatcher', password: 'a long enough passphrase' });
    req.flush({ ...VIEWER, id: 'u-new', email: 'dispatch@convoy.test', role: 'dispatcher' });
    await settle();

    expect(el.querySelector('[data-testid="new-user-dialog"]')?.hasAttribute('open')).toBe(false);
    expect(row('dispatch@convoy.test')).toBeTruthy();
    expect(el.querySelector('[data-testid="users-status"]')?.textContent).toContain('dispatch@convoy.test was added');
  });
});
