export * from './lib/webhooks.module';
export * from './lib/webhooks.schema';
export * from './lib/webhooks.errors';
export type { WebhookEntity } from './lib/entities/webhook.entity';
export type { WebhookDeliveryEntity } from './lib/entities/webhook-delivery.entity';
