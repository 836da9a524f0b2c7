import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SharingModule } from '@convoy/server/sharing';
import { TrackingModule } from '@convoy/server/tracking';
import { MessageDeliveryWorker } from './delivery/message-delivery.worker';
import { MessageTransports } from './delivery/message-transports';
import { DeviceMessagesController } from './device-messages.controller';
import { MessagesController } from './messages.controller';
import { MessagesRetentionJob } from './messages-retention.job';
import { MESSAGES_ENTITIES } from './messages.schema';
import { MessagesService } from './messages.service';

/**
 * Messages between dispatchers and drivers (issue #10): the thread routes, the join page's side, and
 * the durable Telegram delivery (the bot registers the transport and hands replies back).
 */
@Module({
  imports: [TypeOrmModule.forFeature(MESSAGES_ENTITIES), TrackingModule, SharingModule],
  controllers: [MessagesController, DeviceMessagesController],
  providers: [MessagesService, MessageTransports, MessageDeliveryWorker, MessagesRetentionJob],
  exports: [MessagesService, MessageTransports],
})
export class MessagesModule {}
