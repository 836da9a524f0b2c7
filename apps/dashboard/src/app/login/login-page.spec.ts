import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { API } from '../core/http/api-paths';
import { LoginPage } from './login-page';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {}

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: '', component: Page },
          { path: 'drivers', component: Page },
        ]),
      ],
    });
    fixture = TestBed.createComponent(LoginPage);
    backend = TestBed.inject(HttpTestingController);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  /** Lets the component's pending promise chain (login → navigate) finish, then renders. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const q = <T extends Element>(selector: string): T | null => el.querySelector<T>(selector);

  function type(testId: string, value: string): void {
    const input = q<HTMLInputElement>(`[data-testid="${testId}"]`);
    if (!input) throw new Error(`no ${testId}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(email: string, password: string): Promise<void> {
    type('login-email', email);
    type('login-password', password);
    q<HTMLButtonElement>('[data-testid="login-submit"]')?.click();
    await fixture.whenStable();
  }

  it('labels its fields and asks the browser for the saved credentials', () => {
    const email = q<HTMLInputElement>('#login-email');
    const password = q<HTMLInputElement>('#login-password');
    expect(q('label[for="login-email"]')?.textContent).toContain('Email');
    expect(q('label[for="login-password"]')?.textContent).toContain('Password');
    expect(email?.type).toBe('email');
    expect(email?.autocomplete).toBe('username');
    expect(password?.type).toBe('password');
    expect(password?.autocomplete).toBe('current-password');
    expect(q('[role="alert"]')).toBeNull();
  });

  it('shows "Wrong email or password" when the server answers 401, and stays put', async () => {
    await submit('admin@convoy.test', 'not the password');

    const button = q<HTMLButtonElement>('[data-testid="login-submit"]');
    expect(button?.disabled).toBe(true); // while the request is in flight
    expect(button?.textContent).toContain('Signing in');

    const req = backend.expectOne(API.login);
    expect(req.request.body).toEqual({ email: 'admin@convoy.test', password: 'not the password' });
    req.flush(
      { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();

    const alert = q('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('Wrong email or password');
    expect(button?.disabled).toBe(false);
    expect(q<HTMLInputElement>('#login-email')?.value).toBe('admin@convoy.test');
    expect(q<HTMLInputElement>('#login-password')?.value).toBe('');
    expect(document.activeElement).toBe(q('#login-password'));
  });

  it('shows the rate-limit message on 429', async () => {
    await submit('admin@convoy.test', 'again and again');
    backend.expectOne(API.login).flush({}, { status: 429, statusText: 'Too Many Requests' });
    await settle();

    expect(q('[role="alert"]')?.textContent).toContain('Too many attempts, try again in a minute');
  });

  it('does not send an empty or malformed form', async () => {
    await submit('not-an-email', '');

    backend.expectNone(API.login);
    expect(q('#login-email')?.getAttribute('aria-invalid')).toBe('true');
    expect(el.textContent).toContain('Enter the email address you sign in with.');
    expect(el.textContent).toContain('Enter your password.');
  });

  it('goes to the page it was sent from after signing in', async () => {
    fixture.componentRef.setInput('returnUrl', '/drivers');
    await submit('admin@convoy.test', 'correct horse battery');
    backend
      .expectOne(API.login)
      .flush({ user: { id: 'u-1', email: 'admin@convoy.test', role: 'admin' }, accessToken: 't', expiresAt: '' });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/drivers');
  });

  it('explains why it is shown after the session expired', async () => {
    fixture.componentRef.setInput('reason', 'expired');
    await fixture.whenStable();

    expect(q('[data-testid="session-expired"]')?.textContent).toContain('Your session ended');
  });

  it.each([
    ['signed-out', 'Signed out.'],
    ['account-disabled', 'Your account was disabled.'],
    ['password-changed', 'Your password was changed.'],
    ['session-expired', 'Session expired.'],
    ['token-revoked', 'Token revoked.'],
  ])('shows why the server closed the live feed: %s → "%s"', async (reason, title) => {
    fixture.componentRef.setInput('reason', reason);
    await fixture.whenStable();

    expect(q('[role="status"]')?.textContent?.trim()).toMatch(new RegExp(`^${title.replace('.', '\\.')} `));
  });

  it('shows nothing for a reason it does not know (the query string is anyone\'s to write)', async () => {
    fixture.componentRef.setInput('reason', 'constructor');
    await fixture.whenStable();

    expect(q('[role="status"]')).toBeNull();
  });
});
