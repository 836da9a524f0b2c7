import type { ConvoyEventType } from './events';

/** GET/POST /api/webhooks, PATCH/DELETE /api/webhooks/:id (admin). */
export interface WebhookDto {
  id: string;
  url: string;
  events: ConvoyEventType[];
  description: string;
  enabled: boolean;
  /** Why Convoy disabled it (410 Gone, repeated failure); null when enabled or disabled by a person. */
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateWebhookRequest {
  url: string;
  events: ConvoyEventType[];
  description?: string;
  enabled?: boolean;
}
export type UpdateWebhookRequest = Partial<CreateWebhookRequest>;

/** The create answer: the signing secret (`whsec_<base64>`), shown this once. */
export interface CreatedWebhookDto extends WebhookDto {
  secret: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
/** pending: not yet delivered, `nextAttemptAt` says when; failed: gave up (or endpoint disabled). */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** GET /api/webhooks/:id/deliveries; POST /api/webhooks/:id/deliveries/:deliveryId/retry answers one. */
export interface WebhookDeliveryDto {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: ConvoyEventType | 'webhook.test';
  status: WebhookDeliveryStatus;
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** The body of every delivery (Standard Webhooks): `data` is the event's facts plus its `id`. */
export interface WebhookPayload {
  type: ConvoyEventType | 'webhook.test';
  timestamp: string;
  data: Record<string, unknown> & { eventId: string; driverId: string | null };
}
