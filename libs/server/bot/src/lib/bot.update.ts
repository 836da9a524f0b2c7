import { Ctx, On, Update } from 'nestjs-telegraf';
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

function replierFor(ctx: Context, chatId: number): Replier {
  return {
    reply: async (text, options = {}) => {
      await ctx.telegram.sendMessage(chatId, text, {
        parse_mode: options.markdown ? 'Markdown' : undefined,
        reply_markup: options.requestLocationButton
          ? { keyboard: [[{ text: options.requestLocationButton, request_location: true }]], resize_keyboard: true }
          : undefined,
      });
    },
  };
}
