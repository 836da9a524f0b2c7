import type { Update } from 'telegraf/types';

/** A press of an inline button (a callback query), as the conversation needs it. */
export interface IncomingCallback {
  updateId: number;
  id: string;
  from: { id: number; isBot: boolean; languageCode: string | null };
  data: string | null;
  /** The message carrying the button; null when Telegram no longer has it. */
  message: { chatId: number; messageId: number; chatType: string } | null;
}

/** Reads a callback_query out of an update defensively: malformed → null (ignored, never a crash). */
export function readIncomingCallback(update: Update | Record<string, unknown>): IncomingCallback | null {
  const raw = update as Record<string, unknown>;
  const query = raw['callback_query'] as Record<string, unknown> | undefined;
  if (!query || typeof query !== 'object') return null;
  const updateId = raw['update_id'];
  const from = query['from'] as Record<string, unknown> | undefined;
  if (!isInt(updateId) || typeof query['id'] !== 'string' || !from || !isInt(from['id'])) return null;
  const message = query['message'] as { message_id?: unknown; chat?: { id?: unknown; type?: unknown } } | undefined;
  return {
    updateId,
    id: query['id'],
    from: {
      id: from['id'],
      isBot: from['is_bot'] === true,
      languageCode: typeof from['language_code'] === 'string' ? from['language_code'] : null,
    },
    data: typeof query['data'] === 'string' ? query['data'] : null,
    message:
      message && isInt(message.message_id) && isInt(message.chat?.id)
        ? { chatId: message.chat.id, messageId: message.message_id, chatType: typeof message.chat.type === 'string' ? message.chat.type : 'unknown' }
        : null,
  };
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
