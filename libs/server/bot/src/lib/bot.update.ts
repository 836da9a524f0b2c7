import { Ctx, On, Update } from 'nestjs-telegraf';
import { Logger } from '@nestjs/common';
import type { Context } from 'telegraf';
import { DriverConversation } from './conversation/driver-conversation';
import { type IncomingCallback, readIncomingCallback } from './telegram/incoming-callback';
import { readIncomingMessage } from './telegram/incoming-message';
import type { CallbackResponder, Replier } from './telegram/replier';

/** Telegraf entry: messages, edits and button presses go to the conversation; other update types are ignored. */
@Update()
export class BotUpdate {
  constructor(private readonly conversation: DriverConversation) {}

  @On('message')
  onMessage(@Ctx() ctx: Context): Promise<void> {
    return this.dispatch(ctx);
  }

  @On('edited_message')
  onEditedMessage(@Ctx() ctx: Context): Promise<void> {
    return this.dispatch(ctx);
  }

  @On('callback_query')
  async onCallbackQuery(@Ctx() ctx: Context): Promise<void> {
    const callback = readIncomingCallback(ctx.update);
    if (callback) await this.conversation.handleCallback(callback, responderFor(ctx, callback));
  }

  private async dispatch(ctx: Context): Promise<void> {
    const message = readIncomingMessage(ctx.update);
    if (message) await this.conversation.handle(message, replierFor(ctx, message.chat.id));
  }
}

const logger = new Logger('BotReplies');

/**
 * Replies are plain text (a driver's name with "_" must not break Markdown parsing), and a reply that
 * fails (bot blocked, Telegram hiccup) is logged, never thrown: the update itself was handled and its
 * position committed, so it must not be delivered again because of the answer.
 */
function replierFor(ctx: Context, chatId: number): Replier {
  return {
    reply: async (text, options = {}) => {
      try {
        await ctx.telegram.sendMessage(chatId, text, {
          reply_markup: options.inlineButtons
            ? { inline_keyboard: options.inlineButtons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) }
            : options.requestLocationButton
              ? { keyboard: [[{ text: options.requestLocationButton, request_location: true }]], resize_keyboard: true }
              : options.removeKeyboard
                ? { remove_keyboard: true }
                : undefined,
        });
      } catch (error) {
        logger.warn(`Could not reply in chat ${chatId}: ${(error as Error).message}`);
      }
    },
  };
}

/** Answers and edits are best effort too: what the press did is done either way. */
function responderFor(ctx: Context, callback: IncomingCallback): CallbackResponder {
  return {
    answer: async (toast) => {
      try {
        await ctx.telegram.answerCbQuery(callback.id, toast);
      } catch (error) {
        logger.warn(`Could not answer callback query ${callback.id}: ${(error as Error).message}`);
      }
    },
    edit: async (text) => {
      if (!callback.message) return;
      try {
        await ctx.telegram.editMessageText(callback.message.chatId, callback.message.messageId, undefined, text);
      } catch (error) {
        logger.warn(`Could not edit message ${callback.message.messageId} in chat ${callback.message.chatId}: ${(error as Error).message}`);
      }
    },
  };
}
