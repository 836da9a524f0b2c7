import type { TelegramLocationFact } from '@convoy/server/sharing';

/**
 * Recognises the one update the webhook can serve without telegraf: an `edited_message` of a live
 * location (a private chat, a human sender, a positive `live_period`, not a venue) — what a moving
 * driver sends every few seconds, and what `DriverConversation` answers with silence. Returns the
 * location fact `TelegramSessions` takes, or null for everything else (commands, first locations,
 * the final edit that stops sharing, groups, bots, venues, malformed updates), which goes through
 * telegraf unchanged. Reads the raw body defensively, one allocation for a hit, none for a miss.
 */
export function recogniseLiveEdit(update: unknown): TelegramLocationFact | null {
  if (typeof update !== 'object' || update === null) return null;
  const raw = update as Record<string, unknown>;
  const message = raw['edited_message'] as Record<string, unknown> | undefined;
  if (typeof message !== 'object' || message === null || raw['message'] !== undefined) return null;
  const updateId = raw['update_id'];
  const messageId = message['message_id'];
  const date = message['date'];
  if (!isInt(updateId) || !isInt(messageId) || !isInt(date)) return null;
  const chat = message['chat'] as Record<string, unknown> | undefined;
  if (typeof chat !== 'object' || chat === null || !isInt(chat['id']) || chat['type'] !== 'private') return null;
  const from = message['from'] as Record<string, unknown> | undefined;
  if (typeof from !== 'object' || from === null || !isInt(from['id']) || from['is_bot'] === true) return null;
  const location = message['location'] as Record<string, unknown> | undefined;
  if (typeof location !== 'object' || location === null || message['venue'] !== undefined) return null;
  const livePeriod = location['live_period'];
  if (!isInt(livePeriod) || livePeriod <= 0) return null;
  const editDate = message['edit_date'];
  return {
    updateId,
    userId: from['id'] as number,
    messageId,
    date,
    editDate: isInt(editDate) ? editDate : null,
    edited: true,
    latitude: location['latitude'],
    longitude: location['longitude'],
    accuracy: location['horizontal_accuracy'],
    heading: location['heading'],
    livePeriod,
  };
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
