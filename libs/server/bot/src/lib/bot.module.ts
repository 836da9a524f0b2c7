import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@convoy/server/config';
import { MessagesModule } from '@convoy/server/messages';
import { NotificationsModule } from '@convoy/server/notifications';
import { PrivacyModule } from '@convoy/server/privacy';
import { SharingModule } from '@convoy/server/sharing';
import { TrackingModule } from '@convoy/server/tracking';
import { TelegrafModule } from 'nestjs-telegraf';
import { BotLauncher } from './bot-launcher.service';
import { BotStatus } from './bot-status';
import { BotUpdate } from './bot.update';
import { AccountChat } from './conversation/account-chat';
import { DriverConversation } from './conversation/driver-conversation';
import { DriverReplies } from './dispatch/driver-replies';
import { TelegramMessageSender } from './dispatch/telegram-message-sender';
import { MessageRateLimit } from './conversation/message-rate-limit';
import { ShareAgainNotifier } from './share-again.notifier';
import { TelegramAlertSender } from './telegram-alert.transport';
import { TelegramPollingService } from './telegram-polling.service';
import { TelegramWebhook } from './telegram-webhook';

/**
 * The Telegram bot (nestjs-telegraf). Without TELEGRAM_BOT_TOKEN only BotStatus ("disabled") is
 * provided and the app runs without it. TELEGRAM_API_ROOT points it at a self-hosted Bot API server
 * (or the test double); TELEGRAM_WEBHOOK_URL selects webhook mode, else long polling.
 */
@Module({})
export class BotModule {
  static register(config: AppConfig): DynamicModule {
    const { botToken, apiRoot, webhookUrl } = config.telegram;
    if (!botToken) return { module: BotModule, global: true, providers: [BotStatus], exports: [BotStatus] };
    return {
      module: BotModule,
      global: true,
      imports: [
        TelegrafModule.forRoot({ token: botToken, launchOptions: false, options: { telegram: { apiRoot } } }),
        TrackingModule,
        SharingModule,
        PrivacyModule,
        NotificationsModule,
        MessagesModule,
      ],
      providers: [
        BotStatus,
        BotUpdate,
        DriverConversation,
        AccountChat,
        MessageRateLimit,
        TelegramPollingService,
        BotLauncher,
        ShareAgainNotifier,
        TelegramAlertSender,
        DriverReplies,
        TelegramMessageSender,
        // webhook mode: POST /telegram/webhook, a plain Fastify route (see TelegramWebhook)
        ...(webhookUrl ? [TelegramWebhook] : []),
      ],
      exports: [BotStatus],
    };
  }
}
