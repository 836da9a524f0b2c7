import type { AlertRuleDto } from '@convoy/contracts';
import { EVENT_LABELS } from '../ui/event-labels';
import { KIND_LABELS } from '../ui/place-kind-labels';
import { hasPlaceEvents } from './alert-rule-draft';
import { type AlertRuleOptions, CHANNEL_LABELS, RECIPIENT_ROLE_LABELS } from './alert-rule-options';

/** One rule in a few words per column of the rules table. */
export interface AlertRuleSummary {
  events: string;
  scope: string;
  recipients: string;
  channels: string;
  quietHours: string;
}

export function summarizeRule(rule: AlertRuleDto, options: AlertRuleOptions, currentUserId: string | null): AlertRuleSummary {
  const placeNames = new Map(options.places.map((p) => [p.id, p.name]));
  const driverNames = new Map(options.drivers.map((d) => [d.id, d.name]));
  const userNames = new Map(options.users.map((u) => [u.id, u.label]));

  const scope: string[] = [];
  if (hasPlaceEvents(rule.events)) {
    if (rule.placeIds?.length) scope.push(`At ${names(rule.placeIds, placeNames, 'place')}`);
    else if (rule.placeKinds?.length) scope.push(`At ${rule.placeKinds.map((k) => KIND_LABELS[k].toLowerCase()).join(', ')} places`);
  }
  scope.push(rule.driverIds?.length ? names(rule.driverIds, driverNames, 'driver') : 'Every driver');

  const recipients = [
    ...(rule.recipientRoles ?? []).map((role) => RECIPIENT_ROLE_LABELS[role]),
    ...rule.recipientUserIds.map((id) => (id === currentUserId ? 'You' : (userNames.get(id) ?? 'another user'))),
  ];

  return {
    events: rule.events.map((type) => EVENT_LABELS[type] ?? type).join(', '),
    scope: scope.join(' · '),
    recipients: recipients.join(', ') || 'Nobody',
    channels: rule.channels.map((c) => CHANNEL_LABELS[c]).join(', '),
    quietHours: rule.quietHours ? `${rule.quietHours.start}–${rule.quietHours.end} (${rule.quietHours.timeZone})` : '',
  };
}

/** "Depot North, Depot South" or "Depot North and 3 more"; ids we cannot name count as "1 place". */
function names(ids: readonly string[], known: ReadonlyMap<string, string>, noun: string): string {
  const named = ids.map((id) => known.get(id)).filter((name): name is string => !!name);
  const unnamed = ids.length - named.length;
  if (named.length === 0) return `${ids.length} ${noun}${ids.length === 1 ? '' : 's'}`;
  const shown = named.slice(0, 2);
  const more = named.length - shown.length + unnamed;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
