import type { Update } from 'telegraf/types';

/** The parts of a Telegram message the conversation needs, whatever update type carried it. */
export interface IncomingMessage {
  updateId: number;
  edited: boolean;
  chat: { id: number; type: string };
  from: {
    id: number;
    isBot: boolean;
    username: string | null;
    firstName: string | null;
    lastName: string | null;
    languageCode: string | null;
  } | null;
  messageId: number;
  /** Unix seconds: when the message was sent. */
  date: number;
  /** Unix seconds: when it was edited (live location updates). */
  editDate: number | null;
  text: string | null;
  location: {
    latitude: unknown;
    longitude: unknown;
    horizontalAccuracy: unknown;
    livePeriod: unknown;
    heading: unknown;
  } | null;
  isVenue: boolean;
}

type AnyMessage = Record<string, unknown> & {
  message_id?: unknown;
  date?: unknown;
  edit_date?: unknown;
  chat?: { id?: unknown; type?: unknown };
  from?: Record<string, unknown>;
  text?: unknown;
  location?: Record<string, unknown>;
  venue?: unknown;
};

/**
 * Reads a message or edited_message out of an update, defensively: a malformed update (missing
 * chat, non-numeric ids) gives null and is ignored, never a crash.
 */
export function readIncomingMessage(update: Update | Record<string, unknown>): IncomingMessage | null {
  const raw = update as Record<string, unknown>;
  const edited = raw['edited_message'] !== undefined;
  const message = (raw['message'] ?? raw['edited_message']) as AnyMessage | undefined;
  if (!message || typeof message !== 'object') return null;
  const updateId = raw['update_id'];
  const chatId = message.chat?.id;
  if (!isInt(updateId) || !isInt(chatId) || !isInt(message.message_id) || !isInt(message.date)) return null;
  const from = message.from;
  return {
    updateId,
    edited,
    chat: { id: chatId, type: typeof message.chat?.type === 'string' ? message.chat.type : 'unknown' },
    from:
      from && isInt(from['id'])
        ? {
            id: from['id'],
            isBot: from['is_bot'] === true,
            username: str(from['username']),
            firstName: str(from['first_name']),
            lastName: str(from['last_name']),
            languageCode: str(from['language_code']),
          }
        : null,
    messageId: message.message_id,
    date: message.date,
    editDate: isInt(message.edit_date) ? message.edit_date : null,
    text: typeof message.text === 'string' ? message.text : null,
    location: message.location
      ? {
          latitude: message.location['latitude'],
          longitude: message.location['longitude'],
          horizontalAccuracy: message.location['horizontal_accuracy'],
          livePeriod: message.location['live_period'],
          heading: message.location['heading'],
        }
      : null,
    isVenue: message.venue !== undefined,
  };
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
