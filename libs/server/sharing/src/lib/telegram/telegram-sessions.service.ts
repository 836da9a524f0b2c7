import { Injectable, Logger } from '@nestjs/common';
import { isSharingAt } from '@convoy/contracts';
import { InvalidLocationError, TrackingService, UnknownDriverError } from '@convoy/server/tracking';
import { LIVE_PERIOD_INDEFINITE, SharingService } from '../sharing.service';
import type { TelegramDriverRef } from '../telegram-bindings';

/** Telegram may deliver the last live edit a little after the period's nominal end. */
const LIVE_PERIOD_GRACE_S = 60;

/** A location message (or an edit of one) as the bot parsed it from Telegram; values not yet trusted. */
export interface TelegramLocationFact {
  updateId: number;
  userId: number;
  messageId: number;
  /** Unix seconds: when the message was sent, and when it was last edited. */
  date: number;
  editDate: number | null;
  edited: boolean;
  latitude: unknown;
  longitude: unknown;
  accuracy: unknown;
  heading: unknown;
  livePeriod: unknown;
}

/** What became of a location, for the bot to phrase. `silent`: nothing to tell the driver. */
export type TelegramLocationOutcome =
  | { kind: 'not-linked' }
  | { kind: 'invalid' }
  | { kind: 'checked-in' }
  | { kind: 'live-started'; until: Date | null }
  | { kind: 'live-stopped' }
  | { kind: 'silent' };

export type TelegramStatus =
  | { kind: 'not-linked' }
  | { kind: 'live'; since: Date; last: Date }
  | { kind: 'check-ins'; last: Date }
  | { kind: 'not-sharing' };

/**
 * The Telegram sharing session's rules (start, moving edits, final edit, grace, stop), owned by
 * sharing: the bot hands over parsed facts and phrases the outcome. Storage failures propagate (the
 * webhook answers 5xx and Telegram retries); a point that cannot be used is never stored.
 */
@Injectable()
export class TelegramSessions {
  private readonly logger = new Logger(TelegramSessions.name);

  constructor(
    private readonly sharing: SharingService,
    private readonly tracking: TrackingService,
  ) {}

  async location(fact: TelegramLocationFact): Promise<TelegramLocationOutcome> {
    const livePeriod = fact.livePeriod;
    if (fact.edited && livePeriod !== undefined && livePeriod !== null) {
      await this.liveEdit(fact, livePeriod);
      return { kind: 'silent' };
    }
    const driver = await this.sharing.findByTelegramUser(fact.userId);
    if (!driver) return fact.edited ? { kind: 'silent' } : { kind: 'not-linked' };

    if (fact.edited) {
      // the final edit of a live location carries no live_period: the driver stopped sharing
      const editedAt = new Date((fact.editDate ?? fact.date) * 1000);
      if (driver.liveMessageId === fact.messageId || driver.sharingEndedAt === null) {
        if (await this.sharing.endSharing(driver.id, editedAt)) return { kind: 'live-stopped' };
      }
      return { kind: 'silent' };
    }

    const sentAt = new Date(fact.date * 1000);
    if (livePeriod !== undefined && livePeriod !== null) {
      if (!isPositiveInt(livePeriod)) return { kind: 'invalid' };
      if ((await this.store(driver, fact, sentAt, 'telegram-live')) !== 'accepted') return { kind: 'invalid' };
      await this.sharing.startLiveSharing(driver.id, fact.messageId, sentAt, livePeriod);
      return { kind: 'live-started', until: livePeriod >= LIVE_PERIOD_INDEFINITE ? null : new Date((fact.date + livePeriod) * 1000) };
    }
    if ((await this.store(driver, fact, sentAt, 'telegram-checkin')) !== 'accepted') return { kind: 'invalid' };
    await this.sharing.recordCheckIn(driver.id, sentAt);
    return { kind: 'checked-in' };
  }

  /**
   * The webhook's fast path: a moving edit of the live location this instance follows for the user
   * (the binding is in memory) is handled exactly as `location()` would — stored, nothing to reply —
   * and answers true. Anything else answers false and nothing was done: the caller takes the full
   * path (telegraf, the conversation, `location()`).
   */
  async followedLiveEdit(fact: TelegramLocationFact): Promise<boolean> {
    const livePeriod = fact.livePeriod;
    if (!fact.edited || !isPositiveInt(livePeriod)) return false;
    const cached = this.sharing.cachedLiveDriver(fact.userId, fact.messageId);
    if (!cached) return false;
    await this.liveEdit(fact, livePeriod, cached);
    return true;
  }

  /** /stop: sharing ends and the Telegram user is unbound (their history stays). */
  async stop(userId: number): Promise<'stopped' | 'not-linked'> {
    const driver = await this.sharing.findByTelegramUser(userId);
    if (!driver) return 'not-linked';
    await this.sharing.endSharing(driver.id, new Date());
    await this.sharing.unbind(driver.id);
    return 'stopped';
  }

  /** The driver a Telegram user is bound to now (read from Postgres), or null: for /delete's question and answer. */
  async boundDriver(userId: number): Promise<{ id: string; name: string } | null> {
    const driver = await this.sharing.findByTelegramUser(userId);
    return driver ? { id: driver.id, name: driver.name } : null;
  }

  /** /status, by the one "is sharing" rule. */
  async status(userId: number, now = new Date()): Promise<TelegramStatus> {
    const driver = await this.sharing.findByTelegramUser(userId);
    if (!driver) return { kind: 'not-linked' };
    const last = driver.lastRecordedAt;
    const sharing = isSharingAt(
      {
        sharingSinceMs: driver.sharingSince?.getTime() ?? null,
        sharingEndedAtMs: driver.sharingEndedAt?.getTime() ?? null,
        liveUntilMs: driver.liveUntil?.getTime() ?? null,
      },
      now.getTime(),
    );
    if (sharing && driver.liveMessageId !== null && last) return { kind: 'live', since: driver.sharingSince as Date, last };
    return last && sharing ? { kind: 'check-ins', last } : { kind: 'not-sharing' };
  }

  /**
   * The hot path: a moving live location. While this message is the session being followed, the
   * driver comes from memory and the write itself confirms the binding in Postgres; when it does not
   * (a /stop, re-bind or deletion elsewhere), the driver is looked up again and the point goes to
   * whoever the Telegram user is bound to now — or nowhere.
   */
  private async liveEdit(fact: TelegramLocationFact, livePeriod: unknown, known?: TelegramDriverRef): Promise<void> {
    if (!isPositiveInt(livePeriod)) return;
    const endsAt = fact.date + livePeriod + LIVE_PERIOD_GRACE_S;
    if (livePeriod < LIVE_PERIOD_INDEFINITE && (fact.editDate ?? fact.date) > endsAt) return; // after the period
    const editedAt = new Date((fact.editDate ?? fact.date) * 1000);

    const cached = known ?? this.sharing.cachedLiveDriver(fact.userId, fact.messageId);
    if (cached && (await this.store(cached, fact, editedAt, 'telegram-live', true)) !== 'unknown-driver') return;

    const driver = await this.sharing.findByTelegramUser(fact.userId);
    if (!driver) return;
    const lateForEndedSession = driver.sharingEndedAt !== null && editedAt <= driver.sharingEndedAt;
    if (!lateForEndedSession && driver.liveMessageId !== fact.messageId) {
      // an edit of a live location the bot never saw start (sharing began before /start)
      await this.sharing.startLiveSharing(driver.id, fact.messageId, new Date(fact.date * 1000), livePeriod);
    }
    await this.store(driver, fact, editedAt, 'telegram-live');
  }

  /**
   * Stores the point (`accepted` includes a redelivered update and a thinned live point). Otherwise
   * not a usable location, or the driver is gone / no longer bound to this Telegram user (what this
   * instance remembered about the user is dropped).
   */
  private async store(
    driver: { id: string },
    fact: TelegramLocationFact,
    recordedAt: Date,
    source: 'telegram-live' | 'telegram-checkin',
    fromCache = false,
  ): Promise<'accepted' | 'invalid' | 'unknown-driver'> {
    try {
      await this.tracking.ingest({
        driverId: driver.id,
        latitude: fact.latitude as number,
        longitude: fact.longitude as number,
        accuracy: (fact.accuracy as number | undefined) ?? null,
        heading: (fact.heading as number | undefined) ?? null,
        recordedAt,
        source,
        telegramUpdateId: fact.updateId,
        telegramUserId: fact.userId,
      });
      return 'accepted';
    } catch (error) {
      if (!(error instanceof UnknownDriverError || error instanceof InvalidLocationError)) throw error;
      if (error instanceof UnknownDriverError) {
        this.sharing.forgetTelegramUser(fact.userId);
        if (fromCache) {
          this.logger.debug(`Binding of Telegram user ${fact.userId} changed elsewhere, looking it up again: ${error.message}`);
          return 'unknown-driver';
        }
      }
      this.logger.warn(`Ignored a location from Telegram user ${fact.userId}: ${error.message}`);
      return error instanceof UnknownDriverError ? 'unknown-driver' : 'invalid';
    }
  }
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
