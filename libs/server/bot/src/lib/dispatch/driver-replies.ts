import { Injectable } from '@nestjs/common';
import { MessagesService } from '@convoy/server/messages';
import { TelegramSessions } from '@convoy/server/sharing';
import type { IncomingCallback } from '../telegram/incoming-callback';
import type { IncomingMessage } from '../telegram/incoming-message';
import type { CallbackResponder, Replier } from '../telegram/replier';
import { frameDispatchMessage, parseQuickReplyCallback } from './dispatch-format';
import { dispatchTextsFor } from './dispatch-texts';

/**
 * A bound driver's words back to dispatch: typed text outside commands, and taps on the quick-reply
 * buttons of a dispatcher's message. Stored by the messages lib (which announces them); the driver
 * gets a short confirmation. Storage failures propagate, so Telegram redelivers the update (a
 * redelivered text is stored once: unique per Telegram message id).
 */
@Injectable()
export class DriverReplies {
  constructor(
    private readonly sessions: TelegramSessions,
    private readonly messages: MessagesService,
  ) {}

  /** Stores a typed reply; false when the sender is no driver (the conversation answers as before). */
  async onText(message: IncomingMessage, replier: Replier): Promise<boolean> {
    if (!message.from || message.text === null || !message.text.trim()) return false;
    const driver = await this.sessions.boundDriver(message.from.id);
    if (!driver) return false;
    const outcome = await this.messages.receive(driver.id, { channel: 'telegram', text: message.text, telegramMessageId: message.messageId });
    if (outcome.kind === 'not-bound') return false;
    if (outcome.kind === 'stored') await replier.reply(dispatchTextsFor(message.from.languageCode).replyForwarded);
    return true;
  }

  /** A quick-reply tap: stored as the reply, the keyboard replaced by the choice; always answered. */
  async onTap(callback: IncomingCallback, responder: CallbackResponder): Promise<void> {
    const t = dispatchTextsFor(callback.from.languageCode);
    const tap = parseQuickReplyCallback(callback.data);
    const driver = tap ? await this.sessions.boundDriver(callback.from.id) : null;
    const original = tap && driver ? await this.messages.findForDriver(driver.id, tap.messageId) : null;
    if (!tap || !driver || !original || original.direction !== 'to-driver') return responder.answer(t.outdated);
    const outcome = await this.messages.receive(driver.id, { channel: 'telegram', text: original.quickReplies[tap.option] ?? '', tap });
    const framed = frameDispatchMessage(callback.from.languageCode, original.sentByName, original.text);
    switch (outcome.kind) {
      case 'stored': {
        const choice = outcome.reply.quickReply ?? outcome.reply.text;
        await responder.answer(t.answerSent(choice));
        return responder.edit(`${framed}\n\n${t.answered(choice)}`);
      }
      case 'already-answered':
        await responder.answer(t.alreadyAnswered);
        return outcome.answer ? responder.edit(`${framed}\n\n${t.answered(outcome.answer)}`) : undefined;
      default:
        return responder.answer(t.outdated);
    }
  }
}
