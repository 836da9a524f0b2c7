import { Injectable } from '@nestjs/common';

/** What the Telegram channel needs to send one dispatcher message to a driver's chat. */
export interface OutgoingTelegramMessage {
  messageId: string;
  chatId: number;
  /** The driver's Telegram language_code: the frame ("📨 Dispatch (Anna): …") is in it. */
  languageCode: string | null;
  senderName: string | null;
  text: string;
  quickReplies: string[];
}

/**
 * How a send ended: `delivered` (the Bot API accepted it), `rejected` (never retried: blocked bot,
 * chat gone, refused), `retry` (rate limit, 5xx, network: try again later, after `retryAfterS` if Telegram said so).
 */
export type SendOutcome =
  | { kind: 'delivered'; telegramMessageId: number }
  | { kind: 'rejected'; error: string }
  | { kind: 'retry'; error: string; retryAfterS?: number };

export interface TelegramMessageTransport {
  send(message: OutgoingTelegramMessage): Promise<SendOutcome>;
}

/**
 * The channels that can carry a message out. The bot registers its Telegram transport at start (the
 * messages lib cannot import the bot: the bot imports it for replies). No bot token → none registered,
 * and Telegram drivers cannot receive messages.
 */
@Injectable()
export class MessageTransports {
  private telegramTransport: TelegramMessageTransport | null = null;

  registerTelegram(transport: TelegramMessageTransport): void {
    this.telegramTransport = transport;
  }

  get telegram(): TelegramMessageTransport | null {
    return this.telegramTransport;
  }
}
