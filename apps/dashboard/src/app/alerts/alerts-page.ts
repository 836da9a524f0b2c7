import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import type { AlertRuleDto, CreateAlertRuleRequest, UserDto } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../core/auth/auth.store';
import { actionErrorMessage } from '../core/http/api-error';
import { API } from '../core/http/api-paths';
import { DriversApi } from '../core/live/drivers-api';
import { PlacesApi } from '../places/places-api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { AlertRuleForm } from './alert-rule-form';
import { type AlertRuleOptions, EMPTY_OPTIONS, type RecipientOption } from './alert-rule-options';
import { summarizeRule } from './alert-rule-summary';
import { AlertRulesApi } from './alert-rules-api';

/** Which form is open: a new rule, or the rule with this id. */
type Editing = { kind: 'new' } | { kind: 'edit'; rule: AlertRuleDto } | null;

/**
 * `/alerts`: the alert rules — which events reach whom, how. Dispatchers and admins create, edit,
 * switch off and delete rules; viewers read them.
 */
@Component({
  selector: 'cv-alerts-page',
  imports: [AlertRuleForm, ConfirmDialog],
  templateUrl: './alerts-page.html',
  styleUrl: './alerts-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlertsPage {
  private readonly api = inject(AlertRulesApi);
  private readonly places = inject(PlacesApi);
  private readonly drivers = inject(DriversApi);
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);

  protected readonly rules = signal<AlertRuleDto[]>([]);
  protected readonly loaded = signal(false);
  protected readonly options = signal<AlertRuleOptions>(EMPTY_OPTIONS);
  protected readonly editing = signal<Editing>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly toDelete = signal<AlertRuleDto | null>(null);
  protected readonly canEdit = computed(() => this.auth.can('dispatcher'));
  protected readonly currentUserId = computed(() => this.auth.user()?.id ?? null);
  protected readonly rows = computed(() => {
    const options = this.options();
    const me = this.currentUserId();
    return this.rules().map((rule) => ({ rule, summary: summarizeRule(rule, options, me) }));
  });

  private readonly confirmDelete = viewChild.required(ConfirmDialog);

  constructor() {
    void this.load();
    void this.loadOptions();
  }

  protected async load(): Promise<void> {
    try {
      this.rules.set(await this.api.list());
      this.loaded.set(true);
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not load the alert rules'));
    }
  }

  protected startNew(): void {
    this.status.set('');
    this.editing.set({ kind: 'new' });
  }

  protected edit(rule: AlertRuleDto): void {
    this.status.set('');
    this.editing.set({ kind: 'edit', rule });
  }

  protected cancel(): void {
    this.editing.set(null);
  }

  protected async save(request: CreateAlertRuleRequest): Promise<void> {
    const editing = this.editing();
    if (!editing || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      if (editing.kind === 'new') {
        const created = await this.api.create(request);
        this.rules.update((rules) => [...rules, created]);
        this.status.set(`Rule "${created.name}" created.`);
      } else {
        const updated = await this.api.update(editing.rule.id, request);
        this.rules.update((rules) => rules.map((r) => (r.id === updated.id ? updated : r)));
        this.status.set(`Rule "${updated.name}" saved.`);
      }
      this.editing.set(null);
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not save the rule'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async setEnabled(rule: AlertRuleDto, enabled: boolean): Promise<void> {
    this.error.set(null);
    try {
      const updated = await this.api.update(rule.id, { enabled });
      this.rules.update((rules) => rules.map((r) => (r.id === updated.id ? updated : r)));
      this.status.set(`Rule "${updated.name}" ${enabled ? 'switched on' : 'switched off'}.`);
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not change the rule'));
      // the checkbox shows the rule as it is
      this.rules.update((rules) => [...rules]);
    }
  }

  protected askDelete(rule: AlertRuleDto): void {
    this.toDelete.set(rule);
    this.confirmDelete().open();
  }

  protected async remove(): Promise<void> {
    const rule = this.toDelete();
    if (!rule) return;
    this.error.set(null);
    try {
      await this.api.remove(rule.id);
      this.rules.update((rules) => rules.filter((r) => r.id !== rule.id));
      if (this.editing()?.kind === 'edit') this.editing.set(null);
      this.status.set(`Rule "${rule.name}" deleted.`);
    } catch (error) {
      this.error.set(actionErrorMessage(error, 'Could not delete the rule'));
    }
  }

  /** Places, drivers and (admins) users to choose from; each may fail alone, the form still works. */
  private async loadOptions(): Promise<void> {
    const me = this.auth.user();
    const [places, drivers, users] = await Promise.all([
      this.places.list().catch(() => []),
      this.drivers.list().catch(() => []),
      this.auth.can('admin') ? firstValueFrom(this.http.get<UserDto[]>(API.users)).catch(() => null) : Promise.resolve(null),
    ]);
    const recipients: RecipientOption[] = users
      ? users.filter((u) => !u.disabled).map((u) => ({ id: u.id, label: u.id === me?.id ? `${u.email} (you)` : u.email }))
      : me
        ? [{ id: me.id, label: `${me.email} (you)` }]
        : [];
    this.options.set({
      places: [...places].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ id: p.id, name: p.name })),
      drivers: [...drivers].sort((a, b) => a.name.localeCompare(b.name)).map((d) => ({ id: d.id, name: d.name })),
      users: recipients,
      allUsersKnown: users !== null,
    });
  }
}
