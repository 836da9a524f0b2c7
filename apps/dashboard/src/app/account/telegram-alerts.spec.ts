import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { MyTelegramDto, TelegramLinkDto } from '@convoy/contracts';
import { MyTelegramApi } from './my-telegram-api';
import { TelegramAlerts } from './telegram-alerts';

class FakeMyTelegramApi {
  state: MyTelegramDto = { linked: false, username: null, firstName: null, mutedUntil: null, available: true };
  links = 0;
  async status(): Promise<MyTelegramDto> {
    return { ...this.state };
  }
  async createLink(): Promise<TelegramLinkDto> {
    this.links++;
    return { url: 'https://t.me/convoy_bot?start=u_abcdefghijklmnopqrstuv', expiresAt: new Date(Date.now() + 600_000).toISOString() };
  }
  async unlink(): Promise<void> {
    this.state = { ...this.state, linked: false, username: null, firstName: null };
  }
}

describe('TelegramAlerts', () => {
  let fixture: ComponentFixture<TelegramAlerts>;
  let el: HTMLElement;
  let api: FakeMyTelegramApi;

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const text = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  async function render(state: Partial<MyTelegramDto> = {}): Promise<void> {
    api = new FakeMyTelegramApi();
    api.state = { ...api.state, ...state };
    TestBed.configureTestingModule({ providers: [{ provide: MyTelegramApi, useValue: api }] });
    fixture = TestBed.createComponent(TelegramAlerts);
    el = fixture.nativeElement as HTMLElement;
    await settle();
  }

  it('creates a one-time link and shows it with its QR code', async () => {
    await render();
    expect(text('[data-testid="telegram-status"]')).toContain('Not linked yet');

    el.querySelector<HTMLButtonElement>('[data-testid="telegram-link-create"]')?.click();
    await settle();

    expect(api.links).toBe(1);
    expect(el.querySelector('[data-testid="telegram-link-open"]')?.getAttribute('href')).toBe('https://t.me/convoy_bot?start=u_abcdefghijklmnopqrstuv');
    expect(el.querySelector('cv-qr-code')).not.toBeNull();
  });

  it('says who is linked and until when alerts are muted, and unlinks', async () => {
    await render({ linked: true, username: 'anna_dispatch', firstName: 'Anna', mutedUntil: new Date(Date.now() + 3_600_000).toISOString() });

    expect(text('[data-testid="telegram-status"]')).toBe('Linked Alerts reach @anna_dispatch (Anna).');
    expect(text('[data-testid="telegram-muted"]')).toContain('Muted from the chat until');

    el.querySelector<HTMLButtonElement>('[data-testid="telegram-unlink"]')?.click();
    await settle();
    await settle();
    expect(text('[data-testid="telegram-notice"]')).toBe('Unlinked: no more alerts in Telegram.');
    expect(el.querySelector('[data-testid="telegram-link-create"]')).not.toBeNull();
  });

  it('explains that the server has no bot instead of offering a link', async () => {
    await render({ available: false });
    expect(el.querySelector('[data-testid="telegram-link-create"]')).toBeNull();
    expect(text('[data-testid="telegram-unavailable"]')).toContain('TELEGRAM_BOT_TOKEN');
  });
});
