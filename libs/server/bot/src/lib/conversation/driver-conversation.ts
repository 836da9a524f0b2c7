import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@convoy/server/config';
import { type LinkEntity, LinkRedemptionError, LinkRedemptionFailure, LinksService } from '@convoy/server/links';
import { DriverErasureService } from '@convoy/server/privacy';
import {
  InvalidLocationError,
  LIVE_PERIOD_INDEFINITE,
  SharingService,
  type TelegramIdentity,
  TrackingService,
  UnknownDriverError,
} from '@convoy/server/tracking';
import { messagesFor, type BotMessages } from '../messages/catalogue';
import { formatClock } from '../messages/clock';
import type { IncomingCallback } from '../telegram/incoming-callback';
import type { IncomingMessage } from '../telegram/incoming-message';
import type { CallbackResponder, Replier } from '../telegram/replier';
import { MessageRateLimit } from './message-rate-limit';
import { StartAttempts } from './start-attempts';

/** Telegram may deliver the last live edit a little after the period's nominal end. */
const LIVE_PERIOD_GRACE_S = 60;

/** Callback data of the /delete question's buttons: what was asked, and about which driver. */
const ERASE_CALLBACK = /^erase:(confirm|cancel):([0-9a-f-]{36})$/;

/**
 * What the bot does with each message from a driver. Storage failures propagate (the webhook then
 * answers 5xx and Telegram retries); everything else gets a polite reply or is ignored.
 */
@Injectable()
export class DriverConversation {
  private readonly logger = new Logger(DriverConversation.name);
  private readonly startAttempts = new StartAttempts();

  constructor(
    private readonly links: LinksService,
    private readonly sharing: SharingService,
    private readonly tracking: TrackingService,
    private readonly config: AppConfig,
    private readonly erasure: DriverErasureService,
    private readonly rateLimit: MessageRateLimit,
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
    try {
      const link = await this.links.claim(token, from.id);
      const identity: TelegramIdentity = {
        userId: from.id,
        chatId: message.chat.id,
        username: from.username,
        firstName: from.firstName,
        lastName: from.lastName,
        languageCode: from.languageCode,
      };
      const driver = link.redeemedDriverId ? await this.reopen(link, identity) : await this.bindNew(link, identity);
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

  /** The first redemption: a new driver, or the user's existing one renamed (never a duplicate). */
  private async bindNew(link: LinkEntity, identity: TelegramIdentity): Promise<{ name: string }> {
    const { driver } = await this.sharing.bindTelegramUser(link.driverName, identity);
    await this.links.attachDriver(link.id, driver.id);
    return driver;
  }

  /**
   * The same user opening their link again: still bound to its driver → nothing changes (a retry);
   * after /stop → the same driver resumes while the link is valid.
   */
  private async reopen(link: LinkEntity, identity: TelegramIdentity): Promise<{ name: string }> {
    const current = await this.sharing.findByTelegramUser(identity.userId);
    if (current && current.id === link.redeemedDriverId) return current;
    if (link.revokedAt) throw new LinkRedemptionError(LinkRedemptionFailure.Revoked);
    if (link.expiresAt <= new Date()) throw new LinkRedemptionError(LinkRedemptionFailure.Expired);
    const resumed = await this.sharing.rebindDriver(link.redeemedDriverId as string, identity);
    if (!resumed) throw new LinkRedemptionError(LinkRedemptionFailure.Revoked); // its driver was deleted
    return resumed;
  }

  private async stop(message: IncomingMessage, t: BotMessages, replier: Replier): Promise<void> {
    const driver = await this.driverOf(message);
    if (!driver) return replier.reply(t.notLinked);
    await this.sharing.endSharing(driver.id, new Date());
    await this.sharing.unbind(driver.id);
    await replier.reply(t.stopped, { removeKeyboard: true });
  }

  /** /delete: the driver leaves and is forgotten — after they confirm with a button. */
  private async askErase(message: IncomingMessage, t: BotMessages, replier: Replier): Promise<void> {
    const driver = await this.driverOf(message);
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
    const driver = await this.sharing.findByTelegramUser(callback.from.id);
    if (!driver || driver.id !== driverId) {
      await responder.answer();
      return responder.edit(t.eraseOutdated);
    }
    await this.erasure.erase(driver.id, 'driver');
    this.sharing.forgetTelegramUser(callback.from.id);
    await responder.answer();
    await responder.edit(t.erased);
  }

  private async status(message: IncomingMessage, t: BotMessages, replier: Replier): Promise<void> {
    const driver = await this.driverOf(message);
    if (!driver) return replier.reply(t.notLinked);
    const last = driver.lastRecordedAt ? this.clock(driver.lastRecordedAt) : null;
    const sharing = driver.sharingSince && !driver.sharingEndedAt && (!driver.liveUntil || driver.liveUntil > new Date());
    if (sharing && driver.liveMessageId !== null && last) {
      return replier.reply(t.statusLive(this.clock(driver.sharingSince as Date), last));
    }
    return replier.reply(last && sharing ? t.statusCheckIns(last) : t.statusNotSharing);
  }

  private async onLocation(message: IncomingMessage, t: BotMessages, replier: Replier): Promise<void> {
    const location = message.location as NonNullable<IncomingMessage['location']>;
    if (message.isVenue) return message.edited ? undefined : replier.reply(t.venueNotLocation);
    const livePeriod = location.livePeriod;
    if (message.edited && livePeriod !== undefined && livePeriod !== null) return this.onLiveEdit(message, livePeriod);

    const driver = await this.driverOf(message);
    if (!driver) return message.edited ? undefined : replier.reply(t.notLinked);

    if (message.edited) {
      // the final edit of a live location carries no live_period: the driver stopped sharing
      const editedAt = new Date((message.editDate ?? message.date) * 1000);
      if (driver.liveMessageId === message.messageId || driver.sharingEndedAt === null) {
        if (await this.sharing.endSharing(driver.id, editedAt)) await replier.reply(t.liveStopped);
      }
      return;
    }

    const sentAt = new Date(message.date * 1000);
    if (livePeriod !== undefined && livePeriod !== null) {
      if (!isPositiveInt(livePeriod)) return replier.reply(t.invalidLocation);
      if ((await this.ingest(driver, message, { recordedAt: sentAt, source: 'telegram-live', t, replier })) !== 'accepted') return;
      await this.sharing.startLiveSharing(driver.id, message.messageId, sentAt, livePeriod);
      const until = livePeriod >= LIVE_PERIOD_INDEFINITE ? null : this.clock(new Date((message.date + livePeriod) * 1000));
      return replier.reply(t.liveStarted(until));
    }
    if ((await this.ingest(driver, message, { recordedAt: sentAt, source: 'telegram-checkin', t, replier })) !== 'accepted') return;
    await this.sharing.recordCheckIn(driver.id, sentAt);
    await replier.reply(t.checkInThanks);
  }

  /**
   * The hot path: a moving live location. While this message is the session being followed, the
   * driver comes from memory and the write itself confirms the binding in Postgres; when it does not
   * (a /stop, re-bind or deletion elsewhere), the driver is looked up again and the point goes to
   * whoever the Telegram user is bound to now — or nowhere.
   */
  private async onLiveEdit(message: IncomingMessage, livePeriod: unknown): Promise<void> {
    if (!isPositiveInt(livePeriod)) return;
    const endsAt = message.date + livePeriod + LIVE_PERIOD_GRACE_S;
    if (livePeriod < LIVE_PERIOD_INDEFINITE && (message.editDate ?? message.date) > endsAt) return; // after the period
    const editedAt = new Date((message.editDate ?? message.date) * 1000);
    const userId = (message.from as NonNullable<IncomingMessage['from']>).id;

    const cached = this.sharing.cachedLiveDriver(userId, message.messageId);
    if (cached) {
      const outcome = await this.ingest(cached, message, { recordedAt: editedAt, source: 'telegram-live', fromCache: true });
      if (outcome !== 'unknown-driver') return;
    }

    const driver = await this.driverOf(message);
    if (!driver) return;
    const lateForEndedSession = driver.sharingEndedAt !== null && editedAt <= driver.sharingEndedAt;
    if (!lateForEndedSession && driver.liveMessageId !== message.messageId) {
      // an edit of a live location the bot never saw start (sharing began before /start)
      await this.sharing.startLiveSharing(driver.id, message.messageId, new Date(message.date * 1000), livePeriod);
    }
    await this.ingest(driver, message, { recordedAt: editedAt, source: 'telegram-live' });
  }

  /**
   * Stores the point (`accepted` includes a redelivered update and a thinned live point). Otherwise
   * not a usable location, or the driver is gone / no longer bound to this Telegram user (what this
   * instance remembered about the user is dropped); a new message then gets a reply.
   */
  private async ingest(
    driver: { id: string },
    message: IncomingMessage,
    options: IngestOptions,
  ): Promise<'accepted' | 'invalid' | 'unknown-driver'> {
    const { recordedAt, source, t, replier } = options;
    const location = message.location as NonNullable<IncomingMessage['location']>;
    const userId = (message.from as NonNullable<IncomingMessage['from']>).id;
    try {
      await this.tracking.ingest({
        driverId: driver.id,
        latitude: location.latitude as number,
        longitude: location.longitude as number,
        accuracy: (location.horizontalAccuracy as number | undefined) ?? null,
        heading: (location.heading as number | undefined) ?? null,
        recordedAt,
        source,
        telegramUpdateId: message.updateId,
        telegramUserId: userId,
      });
      return 'accepted';
    } catch (error) {
      if (!(error instanceof UnknownDriverError || error instanceof InvalidLocationError)) throw error;
      if (error instanceof UnknownDriverError) {
        this.sharing.forgetTelegramUser(userId);
        if (options.fromCache) {
          this.logger.debug(`Binding of Telegram user ${userId} changed elsewhere, looking it up again: ${error.message}`);
          return 'unknown-driver';
        }
      }
      this.logger.warn(`Ignored a location from Telegram user ${userId}: ${error.message}`);
      if (t && replier) await replier.reply(t.invalidLocation);
      return error instanceof UnknownDriverError ? 'unknown-driver' : 'invalid';
    }
  }

  private driverOf(message: IncomingMessage) {
    return this.sharing.findByTelegramUser((message.from as NonNullable<IncomingMessage['from']>).id);
  }
}

interface IngestOptions {
  recordedAt: Date;
  source: 'telegram-live' | 'telegram-checkin';
  /** A new message: explain a refused point to the driver. */
  t?: BotMessages;
  replier?: Replier;
  /** The driver came from memory: `unknown-driver` is not news, the caller looks the driver up again. */
  fromCache?: boolean;
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

