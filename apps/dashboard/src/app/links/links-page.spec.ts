import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PublicConfigDto, Role } from '@convoy/contracts';
import { AuthStore } from '../core/auth/auth.store';
import { API } from '../core/http/api-paths';
import { polyfillDialog } from '../ui/dialog-test-polyfill';
import { createdLink, linkDto } from './link-fixtures';
import { LinksPage } from './links-page';

const CONFIG: PublicConfigDto = {
  version: '0.1.0',
  tileUrl: 'http://tiles.convoy.test/{z}/{x}/{y}.png',
  tileAttribution: '&copy; OpenStreetMap contributors',
  botEnabled: true,
  botUsername: 'convoy_test_bot',
  liveWithinSeconds: 60,
};

describe('LinksPage', () => {
  let fixture: ComponentFixture<LinksPage>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  beforeAll(polyfillDialog);

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render(role: Role, config: PublicConfigDto = CONFIG): Promise<void> {
    const signedIn = TestBed.inject(AuthStore).login({ email: `${role}@convoy.test`, password: 'correct horse battery' });
    backend.expectOne(API.login).flush({ user: { id: 'u-1', email: `${role}@convoy.test`, role }, accessToken: 't', expiresAt: '' });
    await signedIn;

    fixture = TestBed.createComponent(LinksPage);
    el = fixture.nativeElement as HTMLElement;
    backend.expectOne(API.links).flush([
      linkDto(),
      linkDto({ id: 'link-2', driverName: 'Petr', status: 'redeemed', redeemedDriverId: 'driver-9', redeemedAt: '2026-11-24T09:00:00.000Z' }),
    ]);
    backend.expectOne(API.config).flush(config);
    await settle();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const q = <T extends Element = HTMLElement>(testId: string): T | null => el.querySelector<T>(`[data-testid="${testId}"]`);
  const all = (testId: string): HTMLElement[] => Array.from(el.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));

  function type(testId: string, value: string): void {
    const input = q<HTMLInputElement>(testId);
    if (!input) throw new Error(`no ${testId}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  describe('for a viewer', () => {
    it('lists the links but offers no create form and no revoke', async () => {
      await render('viewer');

      expect(all('link-row')).toHaveLength(2);
      expect(q('link-form')).toBeNull();
      expect(q('create-link')).toBeNull();
      expect(q('revoke-link')).toBeNull();
      expect(q('links-read-only')?.textContent).toContain('needs the dispatcher role');
    });
  });

  describe('for a dispatcher', () => {
    it('offers the form, and revoke on pending links only', async () => {
      await render('dispatcher');

      expect(q('link-form')).not.toBeNull();
      expect(all('revoke-link')).toHaveLength(1);
      expect(q('links-read-only')).toBeNull();
    });

    it('links a redeemed link to its driver', async () => {
      await render('dispatcher');

      expect(q<HTMLAnchorElement>('link-driver')?.getAttribute('href')).toBe('/drivers/driver-9');
    });

    it('creates a link and shows its URL, copy button and QR code, once', async () => {
      await render('dispatcher');
      type('link-driver-name', '  Eva Svobodová ');
      type('link-note', 'Night shift');
      type('link-validity-amount', '12');
      const unit = q<HTMLSelectElement>('link-validity-unit');
      if (unit) {
        unit.value = 'hours';
        unit.dispatchEvent(new Event('change'));
      }
      q<HTMLButtonElement>('create-link')?.click();
      await settle();

      const req = backend.expectOne({ method: 'POST', url: API.links });
      expect(req.request.body).toEqual({ driverName: 'Eva Svobodová', note: 'Night shift', expiresInHours: 12 });
      req.flush(createdLink());
      await settle();

      const card = q('created-link');
      expect(q<HTMLInputElement>('link-url')?.value).toBe(createdLink().url);
      expect(q('copy-link-join-url')?.textContent).toContain('Copy link');
      const qr = q<HTMLImageElement>('link-qr');
      expect(qr?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
      expect(qr?.getAttribute('alt')).toBe('QR code of the join page for Eva Svobodová');
      expect(q<HTMLInputElement>('link-join-url')?.value).toBe(createdLink().joinUrl);
      expect(q<HTMLAnchorElement>('open-in-telegram')?.href).toBe(createdLink().url);
      expect(card?.textContent).toContain('Shown only now');
      expect(card?.textContent).toContain('@convoy_test_bot');
      expect(all('link-row')).toHaveLength(3);
      // the form is ready for the next driver
      expect(q<HTMLInputElement>('link-driver-name')?.value).toBe('');

      q<HTMLButtonElement>('created-link-done')?.click();
      await settle();
      expect(q('created-link')).toBeNull();
    });

    it('without a bot: the join page link alone (url = joinUrl), and what Telegram would need', async () => {
      await render('dispatcher', { ...CONFIG, botEnabled: false, botUsername: null });
      type('link-driver-name', 'Eva Svobodová');
      q<HTMLButtonElement>('create-link')?.click();
      await settle();
      const { joinUrl } = createdLink();
      backend.expectOne({ method: 'POST', url: API.links }).flush(createdLink({ url: joinUrl }));
      await settle();

      expect(q<HTMLInputElement>('link-join-url')?.value).toBe(joinUrl);
      expect(q('link-qr')).not.toBeNull();
      expect(q('link-url')).toBeNull();
      expect(q('open-in-telegram')).toBeNull();
      expect(q('link-no-bot')?.textContent?.replace(/\s+/g, ' ')).toContain(
        'the join page offers the browser and GPS apps. Telegram is offered once TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_USERNAME are set on the server',
      );
      expect(q('created-link')?.textContent).toContain("their phone's browser, or a GPS app");
      expect(q('created-link')?.textContent).not.toContain('Telegram (');
    });

    it('with a bot username but no token names only the token, before and after creating a link', async () => {
      await render('dispatcher', { ...CONFIG, botEnabled: false });
      expect(q('links-bot-missing')?.textContent?.replace(/\s+/g, ' ')).toContain(
        'not through Telegram until TELEGRAM_BOT_TOKEN is set on the server.',
      );

      type('link-driver-name', 'Eva Svobodová');
      q<HTMLButtonElement>('create-link')?.click();
      await settle();
      backend.expectOne({ method: 'POST', url: API.links }).flush(createdLink());
      await settle();

      expect(q<HTMLInputElement>('link-url')?.value).toBe(createdLink().url);
      expect(q('link-bot-not-running')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        'The Telegram bot is not running on the server: the Telegram choice does not work until TELEGRAM_BOT_TOKEN is set. The browser and GPS apps work.',
      );
    });

    it('does not send a form without a driver name, and says what is missing', async () => {
      await render('dispatcher');
      type('link-driver-name', '   ');
      q<HTMLButtonElement>('create-link')?.click();
      await settle();

      backend.expectNone({ method: 'POST', url: API.links });
      const name = q<HTMLInputElement>('link-driver-name');
      expect(name?.getAttribute('aria-invalid')).toBe('true');
      expect(el.querySelector(`#${name?.getAttribute('aria-describedby')}`)?.textContent).toContain("Enter the driver's name");
      expect(document.activeElement).toBe(name);
    });

    it('refuses a validity over 30 days before asking the server', async () => {
      await render('dispatcher');
      type('link-driver-name', 'Eva');
      type('link-validity-amount', '31');
      q<HTMLButtonElement>('create-link')?.click();
      await settle();

      backend.expectNone({ method: 'POST', url: API.links });
      expect(el.textContent).toContain('Between 1 hour and 30 days');
    });

    it('revokes a pending link after confirmation', async () => {
      await render('dispatcher');
      q<HTMLButtonElement>('revoke-link')?.click();
      await settle();
      const dialog = q<HTMLDialogElement>('revoke-link-dialog');
      expect(dialog?.hasAttribute('open')).toBe(true);
      expect(dialog?.textContent).toContain('Revoke the link for Jan Novák?');

      q<HTMLButtonElement>('confirm-button')?.click();
      backend.expectOne({ method: 'DELETE', url: `${API.links}/link-1` }).flush(null, { status: 204, statusText: 'No Content' });
      await settle();

      expect(all('link-status').map((badge) => badge.textContent?.trim())).toEqual(['Revoked', 'Redeemed']);
      expect(q('revoke-link')).toBeNull();
    });

    it('filters the list by status', async () => {
      await render('dispatcher');
      q<HTMLButtonElement>('links-filter-redeemed')?.click();
      await settle();

      expect(all('link-row')).toHaveLength(1);
      expect(q('links-filter-redeemed')?.getAttribute('aria-pressed')).toBe('true');
      expect(q('links-filter-redeemed')?.textContent).toContain('1');
    });
  });
});
