import type { InlineButton } from '../telegram/replier';
import { dispatchTextsFor } from './dispatch-texts';

/** Callback data of a quick-reply button: `msg:<message uuid>:<option index>` (42 bytes ≤ Telegram's 64). */
const QUICK_REPLY_CALLBACK = /^msg:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9])$/;

export function isQuickReplyCallback(data: string | null): boolean {
  return data !== null && data.startsWith('msg:');
}

/** The message and option a button's callback data names, or null when it is not one of ours / malformed. */
export function parseQuickReplyCallback(data: string | null): { messageId: string; option: number } | null {
  const match = data?.match(QUICK_REPLY_CALLBACK);
  return match ? { messageId: match[1], option: Number(match[2]) } : null;
}

/** A dispatcher's message as the driver reads it, framed in their language. */
export function frameDispatchMessage(languageCode: string | null, senderName: string | null, text: string): string {
  return dispatchTextsFor(languageCode).frame(senderName, text);
}

/**
 * The quick replies as an inline keyboard: two buttons a row when the labels are short (≤ 16
 * characters each), else one a row, so a phone shows each label whole.
 */
export function quickReplyKeyboard(messageId: string, quickReplies: readonly string[]): InlineButton[][] {
  const buttons = quickReplies.map((label, option) => ({ text: label, data: `msg:${messageId}:${option}` }));
  const perRow = quickReplies.every((label) => [...label].length <= 16) ? 2 : 1;
  const rows: InlineButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}
