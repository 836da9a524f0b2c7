import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { AlertRuleDto, Role, SessionUser } from '@convoy/contracts';
import { AuthStore } from '../core/auth/auth.store';
import { DriversApi } from '../core/live/drivers-api';
import { PlacesApi } from '../places/places-api';
import { polyfillDialog } from '../ui/dialog-test-polyfill';
import { AlertRulesApi } from './alert-rules-api';
import { AlertsPage } from './alerts-page';

const RULE: AlertRuleDto = {
  id: 'r-1',
  name: 'Sharing ended',
  enabled: true,
  events: ['driver.sharing_ended'],
  placeIds: null,
  placeKinds: null,
  driverIds: null,
  recipientUserIds: [],
  recipientRoles: ['admin', 'dispatcher'],
  channels: ['dashboard', 'telegram'],
  quietHours: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

class FakeRulesApi {
  rules = [RULE];
  removed: string[] = [];
  async list(): Promise<AlertRuleDto[]> {
    return [...this.rules];
  }
  async remove(id: string): Promise<void> {
    this.removed.push(id);
  }
}

describe('AlertsPage', () => {
  let fixture: ComponentFixture<AlertsPage>;
  let el: HTMLElement;
  let api: FakeRulesApi;

  beforeAll(polyfillDialog);

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  async function render(role: Role): Promise<void> {
    api = new FakeRulesApi();
    const user: SessionUser = { id: 'u-1', email: `${role}@convoy.test`, role } as SessionUser;
    const rank: Record<Role, number> = { viewer: 0, dispatcher: 1, admin: 2 };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AlertRulesApi, useValue: api },
        { provide: PlacesApi, useValue: { list: async () => [] } },
        { provide: DriversApi, useValue: { list: async () => [] } },
        { provide: AuthStore, useValue: { user: signal(user), can: (required: Role) => rank[role] >= rank[required] } },
      ],
    });
    fixture = TestBed.createComponent(AlertsPage);
    el = fixture.nativeElement as HTMLElement;
    await settle();
  }

  it('shows a viewer the rules in words, with nothing to change', async () => {
    await render('viewer');

    const row = el.querySelector('[data-testid="alert-rule-row"]');
    expect(row?.textContent?.replace(/\s+/g, ' ')).toContain('Sharing ended');
    expect(row?.textContent).toContain('Every admin, Every dispatcher');
    expect(row?.textContent).toContain('Dashboard, Telegram');
    expect(el.querySelector('[data-testid="alert-rule-new"]')).toBeNull();
    expect(el.querySelector('[data-testid="alert-rule-edit"]')).toBeNull();
    expect(el.querySelector('[data-testid="alert-rule-delete"]')).toBeNull();
    expect(el.querySelector('[data-testid="alert-rule-toggle"]')).toBeNull();
  });

  it('deletes a rule only after the dispatcher confirms', async () => {
    await render('dispatcher');

    el.querySelector<HTMLButtonElement>('[data-testid="alert-rule-delete"]')?.click();
    await settle();
    const dialog = el.querySelector<HTMLDialogElement>('[data-testid="alert-rule-delete-dialog"]');
    expect(dialog?.open).toBe(true);
    expect(dialog?.textContent).toContain('"Sharing ended" stops alerting anyone.');
    expect(api.removed).toEqual([]);

    dialog?.querySelector<HTMLButtonElement>('[data-testid="confirm-button"]')?.click();
    await settle();

    expect(api.removed).toEqual(['r-1']);
    expect(el.querySelector('[data-testid="alert-rule-row"]')).toBeNull();
    expect(el.querySelector('[data-testid="alert-rules-status"]')?.textContent).toBe('Rule "Sharing ended" deleted.');
  });

  it('says what is missing when a new rule is saved half-filled, and sends nothing', async () => {
    await render('dispatcher');

    el.querySelector<HTMLButtonElement>('[data-testid="alert-rule-new"]')?.click();
    await settle();
    el.querySelector<HTMLInputElement>('[data-event="visit.arrived"]')?.click(); // the default event, off again
    await settle();
    el.querySelector<HTMLButtonElement>('[data-testid="alert-rule-save"]')?.click();
    await settle();

    const errors = Array.from(el.querySelectorAll('.cv-field-error'), (p) => p.textContent?.trim());
    expect(errors).toEqual(['Give the rule a name.', 'Choose at least one event.']);
    expect(document.activeElement?.id).toBe('alert-rule-name');
  });
});
