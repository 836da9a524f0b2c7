import { randomBytes } from 'node:crypto';
import type { CallbackQuery, Chat, Location, Message, MessageEntity, PhotoSize, Update, User } from 'telegraf/types';
import { systemTelegramClock, type TelegramClock } from './telegram-clock';

/** A Telegram user as a test describes it; `telegramUser()` fills in the rest. */
export interface TelegramUserFixture {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  /** IETF tag of the user's app language; Telegram omits it for some users, so it is optional here too. */
  language_code?: string;
}

/** `live_period` Telegram uses for "share until I stop" (Bot API 7.6+). */
export const LIVE_PERIOD_INDEFINITE = 0x7fffffff;

export interface PointInput {
  latitude: number;
  longitude: number;
  /** metres, 0-1500 */
  horizontal_accuracy?: number;
}

export interface LiveLocationStartInput extends PointInput {
  /** seconds the location can be updated for (60-86400, or LIVE_PERIOD_INDEFINITE) */
  live_period: number;
  /** degrees 1-360; Telegram sends it only once the device knows a direction */
  heading?: number;
}

export interface LiveLocationEditInput extends PointInput {
  heading?: number;
  /** Unix seconds; defaults to the factory clock */
  edit_date?: number;
}

export interface LiveLocationStopInput {
  /** Unix seconds; defaults to the factory clock */
  edit_date?: number;
}

export interface VenueInput extends PointInput {
  title: string;
  address: string;
  foursquare_id?: string;
  google_place_id?: string;
}

export interface GroupFixture {
  id: number;
  title: string;
}

export type LocationMessageUpdate = Update.MessageUpdate<Message.LocationMessage>;
export type LiveLocationEditUpdate = Update.EditedMessageUpdate<Message.LocationMessage>;
/** A live location is referenced by its first message; the update that carried it works as well. */
export type LiveLocationRef = Message.LocationMessage | LocationMessageUpdate;

/** Who numbers messages. The Bot API double implements this so user and bot messages share one sequence per chat. */
export interface MessageIdAllocator {
  nextMessageId(chatId: number): number;
}

export interface TelegramUpdateFactoryOptions {
  clock?: TelegramClock;
  /** First `update_id`; the double re-numbers pushed updates anyway unless told to keep them. */
  firstUpdateId?: number;
  /** Pass the BotApiDouble so message ids never collide with the bot's own messages. */
  messageIds?: MessageIdAllocator;
}

let lastUserId = 700_000_000;
let lastGroupId = -4_000_000_000;

/** A distinct user per call (ids count up), English unless told otherwise. */
export function telegramUser(overrides: Partial<TelegramUserFixture> = {}): TelegramUserFixture {
  lastUserId += 1;
  return { id: lastUserId, first_name: 'Test', last_name: `Driver ${lastUserId}`, language_code: 'en', ...overrides };
}

/** A basic group (negative id); the bot sees messages there only if privacy mode lets it. */
export function groupChat(title = 'Convoy Dispatch'): GroupFixture {
  lastGroupId -= 1;
  return { id: lastGroupId, title };
}

/** The `User` object Telegram puts in `from`: absent fields are omitted, not null. */
export function toTelegramUser(user: TelegramUserFixture): User {
  return withoutUndefined({
    id: user.id,
    is_bot: false,
    first_name: user.first_name,
    last_name: user.last_name,
    username: user.username,
    language_code: user.language_code,
  });
}

/** The private chat between the bot and a user: its id is the user's id. */
export function privateChat(user: TelegramUserFixture): Chat.PrivateChat {
  return withoutUndefined({
    id: user.id,
    type: 'private' as const,
    first_name: user.first_name,
    last_name: user.last_name,
    username: user.username,
  });
}

/**
 * Builds Update objects shaped exactly like the Bot API sends them. Stateful on purpose: update ids
 * increase, message ids increase per chat, and a live location remembers its last point so the
 * "stopped" edit repeats it as Telegram does.
 */
export class TelegramUpdateFactory {
  private readonly clock: TelegramClock;
  private readonly messageIds: MessageIdAllocator;
  private lastUpdateId: number;
  private readonly lastPointOfLive = new Map<string, PointInput>();

  constructor(options: TelegramUpdateFactoryOptions = {}) {
    this.clock = options.clock ?? systemTelegramClock;
    this.lastUpdateId = (options.firstUpdateId ?? 100_000_001) - 1;
    this.messageIds = options.messageIds ?? new PerChatMessageIds();
  }

  textMessage(user: TelegramUserFixture, text: string): Update.MessageUpdate<Message.TextMessage> {
    return this.messageUpdate({ ...this.messageBase(user, privateChat(user)), text });
  }

  /** `/start abc` with the `bot_command` entity Telegram adds (offset 0, length of "/start"). */
  command(user: TelegramUserFixture, command: string, payload?: string): Update.MessageUpdate<Message.TextMessage> {
    const name = command.startsWith('/') ? command : `/${command}`;
    const text = payload === undefined || payload === '' ? name : `${name} ${payload}`;
    const entities: MessageEntity[] = [{ type: 'bot_command', offset: 0, length: name.length }];
    return this.messageUpdate({ ...this.messageBase(user, privateChat(user)), text, entities });
  }

  /** A one-off location (manual check-in): no `live_period`. */
  location(user: TelegramUserFixture, point: PointInput): LocationMessageUpdate {
    return this.messageUpdate({ ...this.messageBase(user, privateChat(user)), location: toLocation(point) });
  }

  /** The first message of a live location; keep it to build the edits that follow. */
  liveLocationStart(user: TelegramUserFixture, live: LiveLocationStartInput): LocationMessageUpdate {
    const update = this.messageUpdate({
      ...this.messageBase(user, privateChat(user)),
      location: toLocation(live, { live_period: live.live_period, heading: live.heading }),
    });
    this.lastPointOfLive.set(liveKey(update.message), live);
    return update;
  }

  /** A move: an `edited_message` with the same message_id and `date`, a new `edit_date`, `live_period` kept. */
  liveLocationEdit(user: TelegramUserFixture, start: LiveLocationRef, edit: LiveLocationEditInput): LiveLocationEditUpdate {
    const original = startMessage(start);
    const livePeriod = original.location && 'live_period' in original.location ? original.location.live_period : undefined;
    if (livePeriod === undefined) throw new Error('liveLocationEdit needs the message returned by liveLocationStart');
    this.lastPointOfLive.set(liveKey(original), edit);
    return this.editedUpdate(user, original, toLocation(edit, { live_period: livePeriod, heading: edit.heading }), edit.edit_date);
  }

  /**
   * Sharing stopped by the user: a final `edited_message` whose location has no `live_period` (nor
   * heading), at the last known point. Telegram sends nothing when a live period simply expires.
   */
  liveLocationStopped(user: TelegramUserFixture, start: LiveLocationRef, stop: LiveLocationStopInput = {}): LiveLocationEditUpdate {
    const original = startMessage(start);
    const last = this.lastPointOfLive.get(liveKey(original)) ?? original.location;
    this.lastPointOfLive.delete(liveKey(original));
    return this.editedUpdate(user, original, toLocation(last), stop.edit_date);
  }

  /** A venue: Telegram fills both `venue` and `location` (for older clients). */
  venue(user: TelegramUserFixture, venue: VenueInput): Update.MessageUpdate<Message.VenueMessage> {
    const location = toLocation(venue);
    return this.messageUpdate({
      ...this.messageBase(user, privateChat(user)),
      location,
      venue: withoutUndefined({
        location,
        title: venue.title,
        address: venue.address,
        foursquare_id: venue.foursquare_id,
        google_place_id: venue.google_place_id,
      }),
    });
  }

  /** A photo in the sizes Telegram generates, smallest first. */
  photo(user: TelegramUserFixture, caption?: string): Update.MessageUpdate<Message.PhotoMessage> {
    const fileBase = `AgACAgIAAxkBAAI${randomToken(24)}`;
    const uniqueBase = `AQAD${randomToken(8)}`;
    const photo: PhotoSize[] = [
      [90, 68, 1_342],
      [320, 240, 17_201],
      [800, 600, 68_904],
      [1280, 960, 131_012],
    ].map(([width, height, file_size], index) => ({
      file_id: `${fileBase}${index}`,
      file_unique_id: `${uniqueBase}${index}`,
      width,
      height,
      file_size,
    }));
    return this.messageUpdate({ ...this.messageBase(user, privateChat(user)), photo, ...(caption ? { caption } : {}) });
  }

  /** A text message in a basic group (negative chat id, type "group"). */
  groupMessage(user: TelegramUserFixture, text: string, group: GroupFixture = DEFAULT_GROUP): Update.MessageUpdate<Message.TextMessage> {
    const chat: Chat.GroupChat = { id: group.id, type: 'group', title: group.title };
    return this.messageUpdate({ ...this.messageBase(user, chat), text });
  }

  /** A press on an inline button of `message` (a message the bot sent) carrying `data`. */
  callbackQuery(user: TelegramUserFixture, data: string, message?: Message): Update.CallbackQueryUpdate<CallbackQuery.DataQuery> {
    const query: CallbackQuery.DataQuery = {
      // Telegram's query ids are opaque 64-bit numbers rendered as strings
      id: BigInt.asUintN(63, BigInt(`0x${randomBytes(8).toString('hex')}`)).toString(),
      from: toTelegramUser(user),
      chat_instance: BigInt.asIntN(64, BigInt(`0x${randomBytes(8).toString('hex')}`)).toString(),
      data,
      ...(message ? { message } : {}),
    };
    return { update_id: this.nextUpdateId(), callback_query: query };
  }

  private messageBase(user: TelegramUserFixture, chat: Chat.PrivateChat | Chat.GroupChat) {
    return { message_id: this.messageIds.nextMessageId(chat.id), from: toTelegramUser(user), chat, date: this.clock.now() };
  }

  private messageUpdate<M extends Update.MessageUpdate['message']>(message: M): Update.MessageUpdate<M> {
    return { update_id: this.nextUpdateId(), message };
  }

  private editedUpdate(
    user: TelegramUserFixture,
    original: Message.LocationMessage,
    location: Location,
    editDate: number | undefined,
  ): LiveLocationEditUpdate {
    const chat = original.chat.type === 'channel' ? privateChat(user) : original.chat;
    return {
      update_id: this.nextUpdateId(),
      edited_message: {
        message_id: original.message_id,
        from: toTelegramUser(user),
        chat,
        date: original.date,
        edit_date: editDate ?? Math.max(this.clock.now(), original.date),
        location,
      },
    };
  }

  private nextUpdateId(): number {
    this.lastUpdateId += 1;
    return this.lastUpdateId;
  }
}

const DEFAULT_GROUP: GroupFixture = { id: -4_000_000_000, title: 'Convoy Dispatch' };

/** Message ids when no double numbers them: each chat counts from 1. */
class PerChatMessageIds implements MessageIdAllocator {
  private readonly last = new Map<number, number>();

  nextMessageId(chatId: number): number {
    const next = (this.last.get(chatId) ?? 0) + 1;
    this.last.set(chatId, next);
    return next;
  }
}

function toLocation(point: PointInput, live: { live_period?: number; heading?: number } = {}): Location {
  // built loosely and then returned: typegram's LiveLocation wants `heading`, which Telegram omits until known
  const location: PointInput & { live_period?: number; heading?: number } = withoutUndefined({
    latitude: point.latitude,
    longitude: point.longitude,
    horizontal_accuracy: point.horizontal_accuracy,
    live_period: live.live_period,
    heading: live.heading,
  });
  return location;
}

function startMessage(ref: LiveLocationRef): Message.LocationMessage {
  return 'message' in ref ? ref.message : ref;
}

function liveKey(message: Message.LocationMessage): string {
  return `${message.chat.id}:${message.message_id}`;
}

function randomToken(length: number): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}

/** Telegram omits absent fields; deep equality in tests should not trip over `undefined` keys. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
