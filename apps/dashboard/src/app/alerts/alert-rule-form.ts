import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, type OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ALERT_CHANNELS, type AlertChannel, type AlertRuleDto, type ConvoyEventType, type CreateAlertRuleRequest, PLACE_KINDS, type PlaceKind, ROLES, type Role } from '@convoy/contracts';

import { EVENT_GROUPS, EVENT_LABELS } from '../ui/event-labels';
import { KIND_LABELS } from '../ui/place-kind-labels';
import { type AlertRuleDraft, type DraftErrors, draftFromRule, emptyDraft, hasPlaceEvents, RULE_NAME_MAX, toggled, toRequest, validateDraft } from './alert-rule-draft';
import { type AlertRuleOptions, CHANNEL_LABELS, RECIPIENT_ROLE_LABELS } from './alert-rule-options';

const CHANNEL_HINTS: Record<AlertChannel, string> = {
  dashboard: 'the bell and a toast',
  telegram: 'to people who linked their Telegram on the Account page',
  email: 'when the server has SMTP set up',
};

/**
 * Create or edit one alert rule: which events (optionally only at some places or for some drivers),
 * who hears about them, through which channels, and quiet hours. Errors show after the first save
 * attempt, next to their field; the first one takes focus.
 */
@Component({
  selector: 'cv-alert-rule-form',
  imports: [FormsModule],
  templateUrl: './alert-rule-form.html',
  styleUrl: './alert-rule-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlertRuleForm implements OnInit {
  /** null: a new rule. */
  readonly rule = input<AlertRuleDto | null>(null);
  readonly options = input.required<AlertRuleOptions>();
  readonly currentUserId = input<string | null>(null);
  readonly busy = input(false);
  readonly save = output<CreateAlertRuleRequest>();
  readonly cancelled = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly draft = signal<AlertRuleDraft>(emptyDraft(null));
  protected readonly submitted = signal(false);
  protected readonly errors = computed<DraftErrors>(() => (this.submitted() ? validateDraft(this.draft()) : {}));
  protected readonly placeEvents = computed(() => hasPlaceEvents(this.draft().events));

  protected readonly groups = EVENT_GROUPS;
  protected readonly eventLabels = EVENT_LABELS;
  protected readonly kinds = PLACE_KINDS;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly channels = ALERT_CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly channelHints = CHANNEL_HINTS;
  protected readonly roles = ROLES;
  protected readonly roleLabels = RECIPIENT_ROLE_LABELS;
  protected readonly nameMax = RULE_NAME_MAX;
  protected readonly zones = timeZoneNames();

  /** Recipients the rule names that the options do not (other users, for a dispatcher who cannot list them). */
  protected readonly otherRecipients = computed(() => {
    const known = new Set(this.options().users.map((u) => u.id));
    return this.draft().recipientUserIds.filter((id) => !known.has(id));
  });

  ngOnInit(): void {
    const rule = this.rule();
    this.draft.set(rule ? draftFromRule(rule) : emptyDraft(this.currentUserId()));
    // straight to the first field: the form opened because someone wants to fill it in
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('#alert-rule-name')?.focus(), { injector: this.injector });
  }

  protected patch(changes: Partial<AlertRuleDraft>): void {
    this.draft.update((draft) => ({ ...draft, ...changes }));
  }

  protected toggleEvent(type: ConvoyEventType, on: boolean): void {
    this.patch({ events: toggled(this.draft().events, type, on) });
  }

  protected togglePlace(id: string, on: boolean): void {
    this.patch({ placeIds: toggled(this.draft().placeIds, id, on) });
  }

  protected toggleKind(kind: PlaceKind, on: boolean): void {
    this.patch({ placeKinds: toggled(this.draft().placeKinds, kind, on) });
  }

  protected toggleDriver(id: string, on: boolean): void {
    this.patch({ driverIds: toggled(this.draft().driverIds, id, on) });
  }

  protected toggleUser(id: string, on: boolean): void {
    this.patch({ recipientUserIds: toggled(this.draft().recipientUserIds, id, on) });
  }

  protected toggleRole(role: Role, on: boolean): void {
    this.patch({ recipientRoles: toggled(this.draft().recipientRoles, role, on) });
  }

  protected toggleChannel(channel: AlertChannel, on: boolean): void {
    this.patch({ channels: toggled(this.draft().channels, channel, on) });
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected submit(): void {
    this.submitted.set(true);
    const errors = validateDraft(this.draft());
    const first = Object.keys(errors)[0];
    if (first) {
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus(), { injector: this.injector });
      return;
    }
    this.save.emit(toRequest(this.draft()));
  }
}

/** The browser's list of IANA zones for the picker (the field also takes any other valid name). */
function timeZoneNames(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}
