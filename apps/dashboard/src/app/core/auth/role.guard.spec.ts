import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role, SessionUser } from '@convoy/contracts';
import { AuthStore } from './auth.store';
import { roleGuard } from './role.guard';

@Component({ template: 'page', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {}

async function visit(url: string, role: Role | null): Promise<string> {
  const user: SessionUser | null = role ? { id: 'u-1', email: `${role}@convoy.test`, role } : null;
  TestBed.configureTestingModule({
    providers: [
      { provide: AuthStore, useValue: { restore: () => Promise.resolve(user) } },
      provideRouter([
        { path: '', component: Page },
        { path: 'users', component: Page, canActivate: [roleGuard('admin')] },
        { path: 'links', component: Page, canActivate: [roleGuard('viewer')] },
      ]),
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  return TestBed.inject(Router).url;
}

describe('roleGuard', () => {
  it('lets an admin into an admin page', async () => {
    await expect(visit('/users', 'admin')).resolves.toBe('/users');
  });

  it.each<Role>(['dispatcher', 'viewer'])('sends a %s away from an admin page, to the map', async (role) => {
    await expect(visit('/users', role)).resolves.toBe('/');
  });

  it('ranks roles: a viewer page is open to everyone signed in', async () => {
    await expect(visit('/links', 'viewer')).resolves.toBe('/links');
  });

  it('keeps out someone with no session', async () => {
    await expect(visit('/users', null)).resolves.toBe('/');
  });
});
