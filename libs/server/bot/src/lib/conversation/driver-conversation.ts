import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@convoy/server/config';
import { isSharingAt } from '@convoy/contracts';
import {
  EnrolmentService,
  LinkRedemptionError,
  LinkRedemptionFailure,
  LIVE_PERIOD_INDEFINITE,
  SharingService,
  type TelegramIdentity,
} from '@convoy/server/sharing';
import { InvalidLocationError, TrackingService, UnknownDriverError } from '@convoy/server/tracking';
import { messagesFor, type BotMessages } from '../messages/catalogue';
import { formatClock } from '../messages/clock';
import type { IncomingMessage } from '../telegram/incoming-message';
import type { Replier } from '../telegram/replier';
import { StartAttempts } from './start-attempts';

/** Telegram may deliver the last live edit a little after the period's nominal end. */
const LIVE_PERIOD_GRACE_S = 60;

/**
 * What the bot does with each message from a driver. Storage failures propagate (the webhook then
 * answers 5xx and Telegram retries); everything else gets a polite reply or is ignored.
 */
@Injectable()
export class DriverConversation {
  private readonly logger = new Logger(DriverConversation.name);
  private readonly startAttempts = new StartAttempts();

  constructor(
    private readonly enrolment: EnrolmentService,
    private readonly sharing: SharingService,
    private readonly tracking: TrackingService,
    private readonly config: AppConfig,
  ) {}

  /** Times in replies: 24-hour, in TIME_ZONE, with the zone named. */
  private clock(date: Date): string {
    return formatClock(date, this.config.telegram.timeZone);
  }

  async handle(message: IncomingMessage, replier: Replier): Promise<void> {
    if (!message.from || message.from.isBot) return;
    const t = messagesFor(message.from.languageCode);
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
    const driver = await this.driverOf(message);
    if (!driver) return replier.reply(t.notLinked);
    await this.sharing.endSharing(driver.id, new Date());
    await this.sharing.unbind(driver.id);
    await replier.reply(t.stopped, { removeKeyboard: true });
  }

  private async status(message: IncomingMessage, t: BotMessages, replier: Replier): Promise<void> {
    const driver = await this.driverOf(message);
    if (!driver) return replier.reply(t.notLinked);
    const last = driver.lastRecordedAt ? this.clock(driver.lastRecordedAt) : null;
    const sharing = isSharingAt(
      {
        sharingSinceMs: driver.sharingSince?.getTime() ?? null,
        sharingEndedAtMs: driver.sharingEndedAt?.getTime() ?? null,
        liveUntilMs: driver.liveUntil?.getTime() ?? null,
      },
      Date.now(),
    );
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

