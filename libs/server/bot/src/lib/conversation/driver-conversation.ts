import { Injectable } from '@nestjs/common';
import { AppConfig } from '@convoy/server/config';
import { DriverErasureService } from '@convoy/server/privacy';
import { EnrolmentService, LinkRedemptionError, LinkRedemptionFailure, TelegramSessions, type TelegramIdentity } from '@convoy/server/sharing';
import { messagesFor, type BotMessages } from '../messages/catalogue';
import { formatClock } from '../messages/clock';
import type { IncomingCallback } from '../telegram/incoming-callback';
import type { IncomingMessage } from '../telegram/incoming-message';
import type { CallbackResponder, Replier } from '../telegram/replier';
import { AccountChat } from './account-chat';
import { MessageRateLimit } from './message-rate-limit';
import { StartAttempts } from './start-attempts';

/** Callback data of the /delete question's buttons: what was asked, and about which driver. */
const ERASE_CALLBACK = /^erase:(confirm|cancel):([0-9a-f-]{36})$/;

/**
 * What the bot does with each message from a driver. Storage failures propagate (the webhook then
 * answers 5xx and Telegram retries); everything else gets a polite reply or is ignored.
 */
@Injectable()
export class DriverConversation {
  private readonly startAttempts = new StartAttempts();

  constructor(
    private readonly enrolment: EnrolmentService,
    private readonly sessions: TelegramSessions,
    private readonly config: AppConfig,
    private readonly erasure: DriverErasureService,
    private readonly rateLimit: MessageRateLimit,
    private readonly accountChat: AccountChat,
  ) {}

  /** Times in replies: 24-hour, in TIME_ZONE, with the zone named. */
  private clock(date: Date): string {
    return formatClock(date, this.config.telegram.timeZone);
  }

  async handle(message: IncomingMessage, replier: Replier): Promise<void> {
    if (!message.from || message.from.isBot) return;
    const t = messagesFor(message.from.languageCode);
    if (!message.location && !message.edited) {
      // locations are never limited (nor dropped); everything else a user sends is, per user
      const verdict = this.rateLimit.check(message.from.id);
      if (verdict === 'warn') return replier.reply(t.slowDown);
      if (verdict === 'drop') return;
    }
    if (message.chat.type !== 'private') {
      if (!message.edited && message.text?.startsWith('/start')) await replier.reply(t.groupChat);
      return;
    }
    if (message.location) return this.onLocation(message, t, replier);
    if (message.edited) return;
    const command = message.text?.match(/^\/([a-z]+)(?:@\w+)?(?:\s+(\S+))?/i);
    if (command) return this.onCommand(command[1].toLowerCase(), command[2] ?? null, message, t, replier);
    await replier.reply(t.unsupported);
  }

  private async onCommand(command: string, arg: string | null, message: IncomingMessage, t: BotMessages, replier: Replier) {
    // a manager's own chat (alerts): user link codes, /mute, /unmute, /unlink
    if (await this.accountChat.handle(command, arg, message, replier)) return;
    switch (command) {
      case 'start':
        return arg ? this.redeem(arg, message, t, replier) : replier.reply(t.startWithoutToken);
      case 'stop':
        return this.stop(message, t, replier);
      case 'status':
        return this.status(message, t, replier);
      case 'delete':
        return this.askErase(message, t, replier);
      default:
        return replier.reply(t.help);
    }
  }

  private async redeem(token: string, message: IncomingMessage, t: BotMessages, replier: Replier): Promise<void> {
    const from = message.from as NonNullable<IncomingMessage['from']>;
    if (this.startAttempts.isBlocked(from.id)) return replier.reply(t.tooManyAttempts);
    const identity: TelegramIdentity = {
      userId: from.id,
      chatId: message.chat.id,
      username: from.username,
      firstName: from.firstName,
      lastName: from.lastName,
      languageCode: from.languageCode,
    };
    try {
      const { driver } = await this.enrolment.redeem(token, { channel: 'telegram', telegram: identity });
      await replier.reply(`${t.welcome(driver.name)}\n\n${t.shareLiveHowTo}`, { requestLocationButton: t.shareLocationButton });
    } catch (error) {
      if (!(error instanceof LinkRedemptionError)) throw error;
      this.startAttempts.recordFailure(from.id);
      const reply: Record<LinkRedemptionFailure, string> = {
        [LinkRedemptionFailure.Unknown]: t.linkUnknown,
        [LinkRedemptionFailure.Expired]: t.linkExpired,
        [LinkRedemptionFailure.Revoked]: t.linkRevoked,
        [LinkRedemptionFailure.AlreadyUsed]: t.linkAlreadyUsed,
      };
      await replier.reply(reply[error.failure]);
    }
  }

  private async stop(message: IncomingMessage, t: BotMessages, replier: Replier): Promise<void> {
    const result = await this.sessions.stop(senderOf(message).id);
    if (result === 'not-linked') return replier.reply(t.notLinked);
    await replier.reply(t.stopped, { removeKeyboard: true });
  }

  /** /delete: the driver leaves and is forgotten — after they confirm with a button. */
  private async askErase(message: IncomingMessage, t: BotMessages, replier: Replier): Promise<void> {
    const driver = await this.sessions.boundDriver(senderOf(message).id);
    if (!driver) return replier.reply(t.notLinked);
    await replier.reply(t.eraseConfirm(driver.name), {
      inlineButtons: [
        [
          { text: t.eraseConfirmButton, data: `erase:confirm:${driver.id}` },
          { text: t.eraseCancelButton, data: `erase:cancel:${driver.id}` },
        ],
      ],
    });
  }

  /**
   * A button press. Only the /delete question has buttons: "confirm" erases the driver the question
   * was about — if the user is still bound to that driver (a question from before a re-bind or an
   * erasure elsewhere erases nothing). Every press is answered.
   */
  async handleCallback(callback: IncomingCallback, responder: CallbackResponder): Promise<void> {
    if (callback.from.isBot) return responder.answer();
    const t = messagesFor(callback.from.languageCode);
    const verdict = this.rateLimit.check(callback.from.id);
    if (verdict !== 'pass') return responder.answer(verdict === 'warn' ? t.slowDown : undefined);
    const match = callback.data?.match(ERASE_CALLBACK);
    if (!match) return responder.answer();
    const [, choice, driverId] = match;
    if (choice === 'cancel') {
      await responder.answer();
      return responder.edit(t.eraseCancelled);
    }
    const driver = await this.sessions.boundDriver(callback.from.id);
    if (!driver || driver.id !== driverId) {
      await responder.answer();
      return responder.edit(t.eraseOutdated);
    }
    await this.erasure.erase(driver.id, 'driver');
    await responder.answer();
    await responder.edit(t.erased);
  }

  private async status(message: IncomingMessage, t: BotMessages, replier: Replier): Promise<void> {
    const status = await this.sessions.status(senderOf(message).id);
    switch (status.kind) {
      case 'not-linked':
        return replier.reply(t.notLinked);
      case 'live':
        return replier.reply(t.statusLive(this.clock(status.since), this.clock(status.last)));
      case 'check-ins':
        return replier.reply(t.statusCheckIns(this.clock(status.last)));
      default:
        return replier.reply(t.statusNotSharing);
    }
  }

  /** Sharing decides what a location means (TelegramSessions); the bot only phrases the outcome. */
  private async onLocation(message: IncomingMessage, t: BotMessages, replier: Replier): Promise<void> {
    const location = message.location as NonNullable<IncomingMessage['location']>;
    if (message.isVenue) return message.edited ? undefined : replier.reply(t.venueNotLocation);
    const outcome = await this.sessions.location({
      updateId: message.updateId,
      userId: senderOf(message).id,
      messageId: message.messageId,
      date: message.date,
      editDate: message.editDate,
      edited: message.edited,
      latitude: location.latitude,
      longitude: location.longitude,
      accuracy: location.horizontalAccuracy,
      heading: location.heading,
      livePeriod: location.livePeriod,
    });
    switch (outcome.kind) {
      case 'not-linked':
        return replier.reply(t.notLinked);
      case 'invalid':
        return replier.reply(t.invalidLocation);
      case 'checked-in':
        return replier.reply(t.checkInThanks);
      case 'live-started':
        return replier.reply(t.liveStarted(outcome.until ? this.clock(outcome.until) : null));
      case 'live-stopped':
        return replier.reply(t.liveStopped);
      default:
        return;
    }
  }
}

function senderOf(message: IncomingMessage): NonNullable<IncomingMessage['from']> {
  return message.from as NonNullable<IncomingMessage['from']>;
}
