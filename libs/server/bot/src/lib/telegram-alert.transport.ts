import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DeliveryError, DeliveryTransports, type TelegramAlertTransport } from '@convoy/server/notifications';
import { InjectBot } from 'nestjs-telegraf';
import { TelegramError, type Telegraf } from 'telegraf';

/**
 * How alerts reach users' Telegram chats: through this bot's Telegraf instance (registered with the
 * notifications lib, which knows nothing of the bot). Plain text, like every bot message. Bot API
 * answers become retry decisions: 403 = the user blocked the bot; 429 / 5xx / network = later;
 * other 4xx (chat not found…) = never.
 */
@Injectable()
export class TelegramAlertSender implements TelegramAlertTransport, OnModuleInit {
  constructor(
    @InjectBot() private readonly bot: Telegraf,
    private readonly transports: DeliveryTransports,
  ) {}

  onModuleInit(): void {
    this.transports.registerTelegram(this);
  }

  async sendText(chatId: number, text: string): Promise<void> {
    try {
      await this.bot.telegram.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
    } catch (error) {
      throw toDeliveryError(error);
    }
  }
}

export function toDeliveryError(error: unknown): DeliveryError {
  if (!(error instanceof TelegramError)) return new DeliveryError(`Telegram unreachable: ${(error as Error).message}`, 'transient');
  const message = `Bot API ${error.code}: ${error.description}`;
  if (error.code === 403) return new DeliveryError(message, 'blocked');
  if (error.code === 429) return new DeliveryError(message, 'transient', (error.parameters?.retry_after ?? 1) * 1000);
  if (error.code >= 500) return new DeliveryError(message, 'transient');
  return new DeliveryError(message, 'permanent');
}
