import type { AlertChannel, AlertRuleDto, ConvoyEvent, EventPlaceRef, Role } from '@convoy/contracts';
import { inQuietHours } from './quiet-hours';

/** What a rule needs to be matched (the DTO minus bookkeeping). */
export type MatchableRule = Pick<
  AlertRuleDto,
  'enabled' | 'events' | 'placeIds' | 'placeKinds' | 'driverIds' | 'recipientUserIds' | 'recipientRoles' | 'channels' | 'quietHours'
>;

/** An active (not disabled) user who may receive alerts. */
export interface AlertRecipient {
  id: string;
  role: Role;
}

/** The place an event is at, for events that have one (visits). */
export function placeOf(event: ConvoyEvent): EventPlaceRef | null {
  const data = event.data as { place?: EventPlaceRef };
  return data.place ?? null;
}

/**
 * Does the rule take this event? Its type must be listed; a driver filter needs the event's driver
 * in it; place filters (ids, kinds) apply to events that happen at a place (visits) — an event
 * without a place (sharing ended, went quiet) is not filtered by place.
 */
export function ruleMatches(rule: MatchableRule, event: ConvoyEvent): boolean {
  if (!rule.enabled || !rule.events.includes(event.type)) return false;
  if (rule.driverIds && (!event.driverId || !rule.driverIds.includes(event.driverId))) return false;
  const place = placeOf(event);
  if (place) {
    if (rule.placeIds && !rule.placeIds.includes(place.id)) return false;
    if (rule.placeKinds && !rule.placeKinds.includes(place.kind)) return false;
  }
  return true;
}

/**
 * Who gets the event through which channels, over every rule: users named by a rule or holding one
 * of its roles (active users only), channels merged across rules, so one event gives each user at
 * most one entry per channel. A rule inside its quiet hours at `now` contributes only `dashboard`
 * (the inbox still records; Telegram and email stay silent).
 */
export function recipientsOf(
  rules: readonly MatchableRule[],
  event: ConvoyEvent,
  users: readonly AlertRecipient[],
  now: Date,
): Map<string, Set<AlertChannel>> {
  const byId = new Map(users.map((user) => [user.id, user]));
  const result = new Map<string, Set<AlertChannel>>();
  for (const rule of rules) {
    if (!ruleMatches(rule, event)) continue;
    const quiet = inQuietHours(rule.quietHours, now);
    const channels = rule.channels.filter((channel) => channel === 'dashboard' || !quiet);
    if (channels.length === 0) continue;
    const who = new Set<string>(rule.recipientUserIds.filter((id) => byId.has(id)));
    for (const user of users) if (rule.recipientRoles.includes(user.role)) who.add(user.id);
    for (const id of who) {
      const set = result.get(id) ?? new Set<AlertChannel>();
      for (const channel of channels) set.add(channel);
      result.set(id, set);
    }
  }
  return result;
}
