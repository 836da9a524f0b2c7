import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_SECRET, AuthModule } from '@convoy/server/auth';
import { WebhookDeliveryWorker } from './delivery/webhook-delivery.worker';
import { WebhookDeliveriesRetentionJob } from './delivery/webhook-deliveries-retention.job';
import { WebhookDisabling } from './delivery/webhook-disabling';
import { WebhookFanOut } from './delivery/webhook-fan-out';
import { SecretBox } from './signing/secret-box';
import { WebhooksController } from './webhooks.controller';
import { WEBHOOKS_ENTITIES } from './webhooks.schema';
import { WebhooksService } from './webhooks.service';

/** Signed webhooks for integrators: endpoints, the outbox consumer that queues deliveries, the delivery workers. */
@Module({
  imports: [TypeOrmModule.forFeature(WEBHOOKS_ENTITIES), AuthModule],
  controllers: [WebhooksController],
  providers: [
    { provide: SecretBox, inject: [APP_SECRET], useFactory: (appSecret: string) => new SecretBox(appSecret) },
    WebhooksService,
    WebhookDisabling,
    WebhookDeliveryWorker,
    WebhookFanOut,
    WebhookDeliveriesRetentionJob,
  ],
})
export class WebhooksModule {}
