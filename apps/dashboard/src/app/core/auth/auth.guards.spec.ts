import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SessionUser } from '@convoy/contracts';
import { passwordChangedGuard, signedInGuard, signedOutGuard } from './auth.guards';
import { AuthStore } from './auth.store';

@Component({ template: 'page', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {}

const ADMIN: SessionUser = { id: 'u-1', email: 'admin@convoy.test', role: 'admin', mustChangePassword: false };

async function setup(user: SessionUser | null): Promise<{ harness: RouterTestingHarness; router: Router }> {
  TestBed.configureTestingModule({
    providers: [
      { provide: AuthStore, useValue: { restore: () => Promise.resolve(user), mustChangePassword: () => user?.mustChangePassword === true } },
      provideRouter([
        { path: 'login', component: Page, canActivate: [signedOutGuard] },
        {
          path: '',
          canActivate: [signedInGuard],
          canActivateChild: [passwordChangedGuard],
          children: [
            { path: '', component: Page },
            { path: 'drivers', component: Page },
            { path: 'account', component: Page },
          ],
        },
      ]),
    ],
  });
  const harness = await RouterTestingHarness.create();
  return { harness, router: TestBed.inject(Router) };
}

describe('auth guards', () => {
  it('sends a signed-out visitor of / to /login', async () => {
    const { harness, router } = await setup(null);
    await harness.navigateByUrl('/');
    expect(router.url).toBe('/login');
  });

  it('remembers the page a signed-out visitor wanted', async () => {
    const { harness, router } = await setup(null);
    await harness.navigateByUrl('/drivers?status=live');
    expect(router.url).toBe('/login?returnUrl=%2Fdrivers%3Fstatus%3Dlive');
  });

  it('lets a signed-in user in', async () => {
    const { harness, router } = await setup(ADMIN);
    await harness.navigateByUrl('/drivers');
    expect(router.url).toBe('/drivers');
  });

  it('sends a user whose password was set for them to the account page first, wherever they were going', async () => {
    const { harness, router } = await setup({ ...ADMIN, mustChangePassword: true });
    await harness.navigateByUrl('/drivers?status=live');
    expect(router.url).toBe('/account');
    await harness.navigateByUrl('/');
    expect(router.url).toBe('/account');
    await harness.navigateByUrl('/account');
    expect(router.url).toBe('/account');
  });

  it('sends a signed-in user away from /login, to where they wanted to go', async () => {
    const { harness, router } = await setup(ADMIN);
    await harness.navigateByUrl('/login?returnUrl=%2Fdrivers');
    expect(router.url).toBe('/drivers');
  });

  it('never follows a returnUrl off the site', async () => {
    const { harness, router } = await setup(ADMIN);
    await harness.navigateByUrl('/login?returnUrl=%2F%2Fevil.example');
    expect(router.url).toBe('/');
  });

  it('shows /login to a signed-out visitor', async () => {
    const { harness, router } = await setup(null);
    await harness.navigateByUrl('/login');
    expect(router.url).toBe('/login');
  });
});
