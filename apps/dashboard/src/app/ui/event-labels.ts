import { CONVOY_EVENT_TYPES, type ConvoyEventType } from '@convoy/contracts';

/** What each event type is called in the dashboard (rule pickers, the inbox, tables). */
export const EVENT_LABELS: Record<ConvoyEventType, string> = {
  'driver.joined': 'Driver joined',
  'driver.sharing_started': 'Sharing started',
  'driver.sharing_ended': 'Sharing ended',
  'driver.went_quiet': 'Went quiet (no position)',
  'driver.back': 'Back after going quiet',
  'visit.arrived': 'Arrived at a place',
  'visit.departed': 'Left a place',
  'driver.speeding': 'Speeding',
  'message.received': 'Message from a driver',
  'message.delivered': 'Message delivered to a driver',
};

/** Grouped as the rule form lists them. */
export const EVENT_GROUPS: readonly { label: string; types: readonly ConvoyEventType[] }[] = [
  { label: 'Places', types: ['visit.arrived', 'visit.departed'] },
  { label: 'Sharing', types: ['driver.joined', 'driver.sharing_started', 'driver.sharing_ended', 'driver.went_quiet', 'driver.back'] },
  { label: 'Driving', types: ['driver.speeding'] },
  { label: 'Messages', types: ['message.received', 'message.delivered'] },
];

/** Every type appears in exactly one group (checked by a spec). */
export const GROUPED_EVENT_TYPES: readonly ConvoyEventType[] = EVENT_GROUPS.flatMap((group) => group.types);
export const ALL_EVENT_TYPES = CONVOY_EVENT_TYPES;

/** Events that happen at a place: only they can be narrowed to places or kinds of place. */
export const PLACE_EVENT_TYPES: readonly ConvoyEventType[] = ['visit.arrived', 'visit.departed'];
