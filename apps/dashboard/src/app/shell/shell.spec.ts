import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { PublicConfigDto } from '@convoy/contracts';
import { AuthStore } from '../core/auth/auth.store';
import { PublicConfigStore } from '../core/config/public-config.store';
import { API } from '../core/http/api-paths';
import { provideFakeNotifications } from '../notifications/notifications-testing';
import { Shell } from './shell';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {}

const CONFIG: PublicConfigDto = {
  version: '0.1.0',
  tileUrl: 'http://tiles.convoy.test/{z}/{x}/{y}.png',
  tileAttribution: '&copy; OpenStreetMap contributors',
  botEnabled: false,
  botUsername: null,
  liveWithinSeconds: 60,
};

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  async function render(config: PublicConfigDto): Promise<void> {
    const auth = TestBed.inject(AuthStore);
    const signedIn = auth.login({ email: 'dispatch@convoy.test', password: 'correct horse battery' });
    backend
      .expectOne(API.login)
      .flush({ user: { id: 'u-2', email: 'dispatch@convoy.test', role: 'dispatcher' }, accessToken: 't', expiresAt: '' });
    await expect(signedIn).resolves.toBe(true);

    const loaded = TestBed.inject(PublicConfigStore).load();
    backend.expectOne(API.config).flush(config);
    await expect(loaded).resolves.toEqual(config);

    fixture = TestBed.createComponent(Shell);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideFakeNotifications(),
        provideRouter([{ path: 'login', component: Page }]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('shows the product, the user and their role', async () => {
    await render(CONFIG);

    expect(el.querySelector('[data-testid="brand"]')?.textContent).toContain('Convoy');
    expect(el.querySelector('[data-testid="user-email"]')?.textContent).toBe('dispatch@convoy.test');
    expect(el.querySelector('[data-testid="user-role"]')?.textContent).toBe('Dispatcher');
  });

  it('warns that drivers cannot join through Telegram while the bot is not configured', async () => {
    await render(CONFIG);

    const banner = el.querySelector('[data-testid="bot-banner"]');
    // the same settings the links page names: without both, no link can be redeemed
    expect(banner?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Telegram bot not configured: drivers can join from the browser or a GPS app, not through Telegram until TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_USERNAME are set on the server.',
    );
    expect(Array.from(banner?.querySelectorAll('code') ?? [], (code) => code.textContent)).toEqual([
      'TELEGRAM_BOT_TOKEN',
      'TELEGRAM_BOT_USERNAME',
    ]);

    el.querySelector<HTMLButtonElement>('[aria-label="Dismiss notice"]')?.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="bot-banner"]')).toBeNull();
  });

  it.each([
    [{ botEnabled: true, botUsername: null }, 'TELEGRAM_BOT_USERNAME is set'],
    [{ botEnabled: false, botUsername: 'convoy_bot' }, 'TELEGRAM_BOT_TOKEN is set'],
  ])('names only the missing bot setting (%o)', async (bot, expected) => {
    await render({ ...CONFIG, ...bot });

    const banner = el.querySelector('[data-testid="bot-banner"]');
    expect(banner?.textContent?.replace(/\s+/g, ' ')).toContain(`not through Telegram until ${expected} on the server.`);
  });

  it('has no bot warning when the bot is configured', async () => {
    await render({ ...CONFIG, botEnabled: true, botUsername: 'convoy_bot' });

    expect(el.querySelector('[data-testid="bot-banner"]')).toBeNull();
  });

  it('signs out from the user menu and goes to /login', async () => {
    await render(CONFIG);

    const menuButton = el.querySelector<HTMLButtonElement>('[data-testid="user-menu-button"]');
    expect(menuButton?.getAttribute('aria-expanded')).toBe('false');
    menuButton?.click();
    await fixture.whenStable();
    expect(menuButton?.getAttribute('aria-expanded')).toBe('true');

    el.querySelector<HTMLButtonElement>('[data-testid="sign-out"]')?.click();
    backend.expectOne({ method: 'POST', url: API.logout }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    expect(TestBed.inject(AuthStore).user()).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/login');
  });

  it('closes the user menu on Escape', async () => {
    await render(CONFIG);
    const menuButton = el.querySelector<HTMLButtonElement>('[data-testid="user-menu-button"]');
    menuButton?.click();
    await fixture.whenStable();

    el.querySelector('[data-testid="user-menu"]')?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="user-menu"]')).toBeNull();
    expect(document.activeElement).toBe(menuButton);
  });
});
