import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MessageTransports, type OutgoingTelegramMessage, type SendOutcome, type TelegramMessageTransport } from '@convoy/server/messages';
import { InjectBot } from 'nestjs-telegraf';
import { type Telegraf, TelegramError } from 'telegraf';
import { frameDispatchMessage, quickReplyKeyboard } from './dispatch-format';

/**
 * The messages lib's Telegram transport: sends a dispatcher's message to the driver's chat (plain
 * text, quick replies as inline buttons) and says what the Bot API's answer means for retrying.
 */
@Injectable()
export class TelegramMessageSender implements TelegramMessageTransport, OnModuleInit {
  private readonly logger = new Logger(TelegramMessageSender.name);

  constructor(
    @InjectBot() private readonly bot: Telegraf,
    private readonly transports: MessageTransports,
  ) {}

  onModuleInit(): void {
    this.transports.registerTelegram(this);
  }

  async send(message: OutgoingTelegramMessage): Promise<SendOutcome> {
    const text = frameDispatchMessage(message.languageCode, message.senderName, message.text);
    const keyboard = quickReplyKeyboard(message.messageId, message.quickReplies);
    try {
      const sent = await this.bot.telegram.sendMessage(message.chatId, text, {
        reply_markup: keyboard.length > 0 ? { inline_keyboard: keyboard.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) } : undefined,
      });
      return { kind: 'delivered', telegramMessageId: sent.message_id };
    } catch (error) {
      const outcome = classifySendError(error);
      if (outcome.kind === 'retry') this.logger.warn(`Message ${message.messageId} not sent yet: ${outcome.error}`);
      return outcome;
    }
  }
}

/** 403 and 400 are the driver's or the message's state: retrying changes nothing. 429, 5xx, network: retry. */
export function classifySendError(error: unknown): Exclude<SendOutcome, { kind: 'delivered' }> {
  if (error instanceof TelegramError) {
    const code = error.code;
    if (code === 403) return { kind: 'rejected', error: 'The driver blocked the bot (Telegram: 403 Forbidden)' };
    if (code === 400 && /chat not found/i.test(error.description)) return { kind: 'rejected', error: 'The driver’s Telegram chat no longer exists (400 chat not found)' };
    if (code === 400) return { kind: 'rejected', error: `Telegram refused the message: ${error.description}` };
    if (code === 429) return { kind: 'retry', error: 'Telegram rate limit (429)', retryAfterS: error.parameters?.retry_after };
    return { kind: 'retry', error: `Telegram answered ${code}: ${error.description}` };
  }
  return { kind: 'retry', error: `Telegram unreachable: ${(error as Error)?.message ?? String(error)}` };
}
