import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookEntity } from './entities/webhook.entity';
import { CreateWebhooks1795840000000 } from './migrations/1795840000000-CreateWebhooks';

export const WEBHOOKS_ENTITIES = [WebhookEntity, WebhookDeliveryEntity];
export const WEBHOOKS_MIGRATIONS = [CreateWebhooks1795840000000];
