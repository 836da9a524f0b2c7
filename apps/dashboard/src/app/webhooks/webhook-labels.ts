import type { ConvoyEventType, WebhookDeliveryStatus } from '@convoy/contracts';

/** How each event type is named on the page (the code name is shown beside it). */
export const EVENT_LABELS: Record<ConvoyEventType | 'webhook.test', string> = {
  'driver.joined': 'Driver joined',
  'driver.sharing_started': 'Sharing started',
  'driver.sharing_ended': 'Sharing ended',
  'driver.went_quiet': 'Went quiet',
  'driver.back': 'Back after quiet',
  'visit.arrived': 'Arrived at a place',
  'visit.departed': 'Left a place',
  'driver.speeding': 'Speeding',
  'message.received': 'Message from a driver',
  'message.delivered': 'Message delivered',
  'webhook.test': 'Test event',
};

export const DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
};

export const DELIVERY_STATUS_TONES: Record<WebhookDeliveryStatus, string> = {
  pending: 'warn',
  delivered: 'ok',
  failed: 'danger',
};
