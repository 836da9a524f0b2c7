import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@convoy/contracts';
import { AuthStore } from '../core/auth/auth.store';
import { API } from '../core/http/api-paths';
import { provideFakeNotifications } from '../notifications/notifications-testing';
import { Shell } from './shell';

/** Which pages the header offers depends on the role: admin pages only for admins. */
describe('Shell navigation', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [provideHttpClient(), provideHttpClientTesting(), ...provideFakeNotifications(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function navFor(role: Role): Promise<ComponentFixture<Shell>> {
    const signedIn = TestBed.inject(AuthStore).login({ email: `${role}@convoy.test`, password: 'correct horse battery' });
    backend.expectOne(API.login).flush({ user: { id: 'u-1', email: `${role}@convoy.test`, role }, accessToken: 't', expiresAt: '' });
    await signedIn;
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return fixture;
  }

  const navLabels = (fixture: ComponentFixture<Shell>) =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('nav[aria-label="Main"] a')).map((a) =>
      a.textContent?.trim(),
    );

  it('gives admins the Users and API tokens pages', async () => {
    const fixture = await navFor('admin');
    const el = fixture.nativeElement as HTMLElement;
    expect(navLabels(fixture)).toEqual(['Live map', 'Links', 'Places', 'Reports', 'Alerts', 'Users', 'API tokens', 'Webhooks']);
    expect(el.querySelector('[data-testid="nav-users"]')?.getAttribute('href')).toBe('/users');
    expect(el.querySelector('[data-testid="nav-api-tokens"]')?.getAttribute('href')).toBe('/api-tokens');
  });

  it.each<Role>(['dispatcher', 'viewer'])('shows a %s the map, links, places and reports only', async (role) => {
    expect(navLabels(await navFor(role))).toEqual(['Live map', 'Links', 'Places', 'Reports', 'Alerts']);
  });

  it('has the account page in the user menu', async () => {
    const fixture = await navFor('viewer');
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector<HTMLButtonElement>('[data-testid="user-menu-button"]')?.click();
    await fixture.whenStable();
    const link = el.querySelector<HTMLAnchorElement>('[data-testid="account-link"]');
    expect(link?.getAttribute('href')).toBe('/account');
  });
});
