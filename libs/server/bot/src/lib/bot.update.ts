import { Ctx, On, Update } from 'nestjs-telegraf';
import { Logger } from '@nestjs/common';
import type { Context } from 'telegraf';
import { DriverConversation } from './conversation/driver-conversation';
import { readIncomingMessage } from './telegram/incoming-message';
import type { Replier } from './telegram/replier';

/** Telegraf entry: every message and edit goes to the conversation; other update types are ignored. */
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
          reply_markup: options.requestLocationButton
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
