import { Injectable } from '@nestjs/common';

/** Why a send failed, as far as retrying goes. */
export type DeliveryFailureKind =
  /** Network, 5xx, 429: try again later. */
  | 'transient'
  /** The recipient can never get it this way (bad address, chat not found): give up. */
  | 'permanent'
  /** The user blocked the bot (Telegram 403): give up and unlink the chat. */
  | 'blocked';

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly kind: DeliveryFailureKind,
    /** The server asked to wait this long (Telegram 429 `retry_after`). */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** Sends one text to one Telegram chat through the bot. Throws {@link DeliveryError}. */
export interface TelegramAlertTransport {
  sendText(chatId: number, text: string): Promise<void>;
}

/**
 * The bot registers how to reach Telegram here (its Telegraf instance), so this lib needs no import of
 * the bot; without a bot (no TELEGRAM_BOT_TOKEN) nothing is registered and no Telegram job is made.
 */
@Injectable()
export class DeliveryTransports {
  private telegramTransport: TelegramAlertTransport | null = null;

  registerTelegram(transport: TelegramAlertTransport): void {
    this.telegramTransport = transport;
  }

  get telegram(): TelegramAlertTransport | null {
    return this.telegramTransport;
  }
}
