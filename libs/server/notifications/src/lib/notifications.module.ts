import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminNoticeSink } from './admin-notice.sink';
import { AlertFanOut } from './alert-fan-out.consumer';
import { DeliveryTransports } from './delivery/delivery-transports';
import { DeliveryWorker } from './delivery/delivery-worker';
import { EmailSender } from './delivery/email-sender';
import { InboxService } from './inbox/inbox.service';
import { NotificationsController } from './inbox/notifications.controller';
import { NotificationsFeed } from './inbox/notifications-feed';
import { NotificationsRetentionJob } from './notifications-retention.job';
import { NOTIFICATIONS_ENTITIES } from './notifications.schema';
import { AlertRulesController } from './rules/alert-rules.controller';
import { AlertRulesService } from './rules/alert-rules.service';
import { MyTelegramController, MyTelegramLinkController } from './telegram/my-telegram.controller';
import { TelegramAccountsService } from './telegram/telegram-accounts.service';

/**
 * Alerts for people (issue #10): rules, the fan-out of events to each recipient's inbox and delivery
 * jobs, the workers that send Telegram and email, users' own Telegram chats, and the admin notices.
 * The bot registers its Telegram transport in `DeliveryTransports`; the live gateway emits
 * `NotificationsFeed` to each user's sockets.
 */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES)],
  controllers: [AlertRulesController, NotificationsController, MyTelegramController, MyTelegramLinkController],
  providers: [
    AlertRulesService,
    InboxService,
    NotificationsFeed,
    TelegramAccountsService,
    DeliveryTransports,
    EmailSender,
    DeliveryWorker,
    AlertFanOut,
    AdminNoticeSink,
    NotificationsRetentionJob,
  ],
  exports: [NotificationsFeed, TelegramAccountsService, DeliveryTransports, DeliveryWorker],
})
export class NotificationsModule {}
