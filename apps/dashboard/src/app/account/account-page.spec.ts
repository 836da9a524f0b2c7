import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { API } from '../core/http/api-paths';
import { AccountPage } from './account-page';
import { MyTelegramApi } from './my-telegram-api';

/** The Telegram card has its own spec (telegram-alerts.spec.ts). */
const NOT_LINKED = { linked: false, username: null, firstName: null, mutedUntil: null, available: true };

describe('AccountPage', () => {
  let fixture: ComponentFixture<AccountPage>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MyTelegramApi, useValue: { status: async () => NOT_LINKED } }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AccountPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function fill(values: Record<'current' | 'new' | 'confirm', string>): void {
    for (const [key, value] of Object.entries(values)) {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="account-${key}-password"]`);
      if (!input) throw new Error(`no ${key}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
  }

  const submit = () => el.querySelector<HTMLButtonElement>('[data-testid="password-submit"]')?.click();

  it('checks the new password twice before sending anything', async () => {
    fill({ current: 'the old passphrase', new: 'a brand new passphrase', confirm: 'a brand new passphrase!' });
    submit();
    await settle();

    backend.expectNone(API.changePassword);
    const confirm = el.querySelector<HTMLInputElement>('#account-confirm-password');
    expect(confirm?.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector(`#${confirm?.getAttribute('aria-describedby')}`)?.textContent).toContain('does not match');
    expect(document.activeElement).toBe(confirm);
  });

  it('changes the password, clears the form and confirms', async () => {
    fill({ current: 'the old passphrase', new: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    submit();
    backend.expectOne({ method: 'POST', url: API.changePassword }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(el.querySelector('[data-testid="password-changed"]')?.textContent).toContain('this one stays signed in');
    expect(el.querySelector<HTMLInputElement>('#account-new-password')?.value).toBe('');
  });

  it('says when the current password is wrong and lets them retype it', async () => {
    fill({ current: 'not my password', new: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    submit();
    backend
      .expectOne(API.changePassword)
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'The current password is not right' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();

    expect(el.querySelector('[role="alert"]')?.textContent).toBe('The current password is not right');
    const current = el.querySelector<HTMLInputElement>('#account-current-password');
    expect(current?.value).toBe('');
    expect(document.activeElement).toBe(current);
    expect(el.querySelector<HTMLInputElement>('#account-new-password')?.value).toBe('a brand new passphrase');
  });
});
