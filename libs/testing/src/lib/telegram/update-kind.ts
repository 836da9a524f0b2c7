import type { Chat, Update } from 'telegraf/types';

/** Update types a bot receives when it never chose (or sent an empty `allowed_updates`), per the Bot API. */
const OPT_IN_ONLY: readonly string[] = ['chat_member', 'message_reaction', 'message_reaction_count'];

/** The field that carries the payload of an update ("message", "edited_message", ...). */
export function updateKind(update: Update): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}

/** Whether Telegram would create this update for a bot subscribed to `allowed` (null/[] = the default set). */
export function isAllowedUpdate(update: Update, allowed: readonly string[] | null): boolean {
  const kind = updateKind(update);
  return allowed && allowed.length > 0 ? allowed.includes(kind) : !OPT_IN_ONLY.includes(kind);
}

/**
 * The chat an update belongs to. Telegram's webhook sender keeps one queue per chat: updates of one
 * chat go out one at a time and in order, different chats in parallel. null = a queue of its own.
 */
export function chatOfUpdate(update: Update): Chat | null {
  if ('message' in update) return update.message.chat;
  if ('edited_message' in update) return update.edited_message.chat;
  if ('channel_post' in update) return update.channel_post.chat;
  if ('edited_channel_post' in update) return update.edited_channel_post.chat;
  if ('callback_query' in update) return update.callback_query.message?.chat ?? null;
  if ('my_chat_member' in update) return update.my_chat_member.chat;
  if ('chat_member' in update) return update.chat_member.chat;
  if ('chat_join_request' in update) return update.chat_join_request.chat;
  return null;
}
