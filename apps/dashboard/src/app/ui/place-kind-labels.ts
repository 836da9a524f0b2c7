import type { PlaceKind } from '@convoy/contracts';

/** What each kind of place is called (Places page, map legend, alert rules). */
export const KIND_LABELS: Record<PlaceKind, string> = {
  depot: 'Depot',
  customer: 'Customer',
  fuel: 'Fuel',
  'rest-area': 'Rest area',
  other: 'Other',
};
