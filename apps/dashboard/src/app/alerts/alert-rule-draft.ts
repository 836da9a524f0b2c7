import type { AlertChannel, AlertRuleDto, ConvoyEventType, CreateAlertRuleRequest, PlaceKind, Role } from '@convoy/contracts';
import { PLACE_EVENT_TYPES } from '../ui/event-labels';

/** What the rule form edits; `toRequest` turns it into the API's shape. */
export interface AlertRuleDraft {
  name: string;
  enabled: boolean;
  events: ConvoyEventType[];
  /** Narrow arrivals/departures: any place, chosen places, or places of chosen kinds. */
  placeScope: 'any' | 'places' | 'kinds';
  placeIds: string[];
  placeKinds: PlaceKind[];
  driverScope: 'all' | 'some';
  driverIds: string[];
  recipientUserIds: string[];
  recipientRoles: Role[];
  channels: AlertChannel[];
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  timeZone: string;
}

export type DraftField = 'name' | 'events' | 'places' | 'drivers' | 'recipients' | 'channels' | 'quietHours' | 'timeZone';
export type DraftErrors = Partial<Record<DraftField, string>>;

export const RULE_NAME_MAX = 120;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The browser's zone, the quiet hours' default. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A new rule: arrivals at depots to the dashboard of the user creating it (what most teams start with). */
export function emptyDraft(currentUserId: string | null, timeZone = browserTimeZone()): AlertRuleDraft {
  return {
    name: '',
    enabled: true,
    events: ['visit.arrived'],
    placeScope: 'any',
    placeIds: [],
    placeKinds: [],
    driverScope: 'all',
    driverIds: [],
    recipientUserIds: currentUserId ? [currentUserId] : [],
    recipientRoles: [],
    channels: ['dashboard'],
    quiet: false,
    quietStart: '22:00',
    quietEnd: '07:00',
    timeZone,
  };
}

export function draftFromRule(rule: AlertRuleDto, timeZone = browserTimeZone()): AlertRuleDraft {
  return {
    name: rule.name,
    enabled: rule.enabled,
    events: [...rule.events],
    placeScope: rule.placeIds?.length ? 'places' : rule.placeKinds?.length ? 'kinds' : 'any',
    placeIds: [...(rule.placeIds ?? [])],
    placeKinds: [...(rule.placeKinds ?? [])],
    driverScope: rule.driverIds?.length ? 'some' : 'all',
    driverIds: [...(rule.driverIds ?? [])],
    recipientUserIds: [...rule.recipientUserIds],
    recipientRoles: [...(rule.recipientRoles ?? [])],
    channels: [...rule.channels],
    quiet: rule.quietHours !== null,
    quietStart: rule.quietHours?.start ?? '22:00',
    quietEnd: rule.quietHours?.end ?? '07:00',
    timeZone: rule.quietHours?.timeZone ?? timeZone,
  };
}

export function hasPlaceEvents(events: readonly ConvoyEventType[]): boolean {
  return events.some((type) => PLACE_EVENT_TYPES.includes(type));
}

/** Every problem, by field, in words a dispatcher understands; `{}` = ready to save. */
export function validateDraft(draft: AlertRuleDraft): DraftErrors {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Give the rule a name.';
  else if (name.length > RULE_NAME_MAX) errors.name = `At most ${RULE_NAME_MAX} characters.`;
  if (draft.events.length === 0) errors.events = 'Choose at least one event.';
  if (hasPlaceEvents(draft.events)) {
    if (draft.placeScope === 'places' && draft.placeIds.length === 0) errors.places = 'Choose at least one place, or any place.';
    if (draft.placeScope === 'kinds' && draft.placeKinds.length === 0) errors.places = 'Choose at least one kind of place, or any place.';
  }
  if (draft.driverScope === 'some' && draft.driverIds.length === 0) errors.drivers = 'Choose at least one driver, or every driver.';
  if (draft.recipientUserIds.length === 0 && draft.recipientRoles.length === 0) errors.recipients = 'Choose who receives the alert.';
  if (draft.channels.length === 0) errors.channels = 'Choose at least one channel.';
  if (draft.quiet) {
    if (!HH_MM.test(draft.quietStart) || !HH_MM.test(draft.quietEnd)) errors.quietHours = 'Enter both times as HH:MM.';
    else if (draft.quietStart === draft.quietEnd) errors.quietHours = 'The start and the end must differ.';
    if (!isTimeZone(draft.timeZone)) errors.timeZone = 'Not a time zone: use a name like Europe/Berlin.';
  }
  return errors;
}

/** The API body. Filters that do not apply are sent as null (= not filtered). */
export function toRequest(draft: AlertRuleDraft): CreateAlertRuleRequest {
  const placeEvents = hasPlaceEvents(draft.events);
  return {
    name: draft.name.trim(),
    enabled: draft.enabled,
    events: [...draft.events],
    placeIds: placeEvents && draft.placeScope === 'places' ? [...draft.placeIds] : null,
    placeKinds: placeEvents && draft.placeScope === 'kinds' ? [...draft.placeKinds] : null,
    driverIds: draft.driverScope === 'some' ? [...draft.driverIds] : null,
    recipientUserIds: [...draft.recipientUserIds],
    recipientRoles: [...draft.recipientRoles],
    channels: [...draft.channels],
    quietHours: draft.quiet ? { start: draft.quietStart, end: draft.quietEnd, timeZone: draft.timeZone.trim() } : null,
  };
}

/** Adds or removes `value` (checkbox lists). */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((item) => item !== value);
  return on ? [...without, value] : without;
}
