import type {
  BotCommand,
  BotCommandScope,
  Chat,
  ChatFromGetChat,
  InlineKeyboardMarkup,
  MenuButton,
  Message,
  MessageEntity,
  UserFromGetMe,
} from 'telegraf/types';
import { badRequest, conflict, forbidden } from './bot-api-error';
import { ParamReader } from './bot-api-params';
import type { BotApiState } from './bot-api-state';
import { parseFormattedText, type FormattedText } from './formatted-text';
import type { LongPolling } from './long-polling';
import type { TelegramClock } from './telegram-clock';
import type { UpdateQueue } from './update-queue';
import type { WebhookRegistration } from './webhook-registration';

/** A successful result that Telegram answers with a `description` too (setWebhook, deleteWebhook). */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

export interface MethodContext {
  /** aborted when the client hangs up before the answer (a long poll it gave up on) */
  signal: AbortSignal;
}

export type MethodHandler = (params: ParamReader, context: MethodContext) => unknown;

export interface MethodDependencies {
  botInfo: UserFromGetMe;
  state: BotApiState;
  clock: TelegramClock;
  queue: UpdateQueue;
  polling: LongPolling;
  webhook: WebhookRegistration;
  /** cap on getUpdates `timeout`, seconds (the Bot API's is 50) */
  maxLongPollSeconds: number;
}

const MAX_MESSAGE_LENGTH = 4096;
const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/**
 * The Bot API methods a Convoy bot uses, answering with the results and the refusals Telegram gives.
 * Keys are the canonical method names; the double matches them case-insensitively.
 */
export function createMethodTable(deps: MethodDependencies): Record<string, MethodHandler> {
  const { botInfo, state, clock, queue, polling, webhook } = deps;
  const botAsSender = { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username };

  const targetChat = (params: ParamReader): Chat => {
    const chat = state.chat(params.chatId());
    if (state.isBlocked(chat.id)) throw forbidden('bot was blocked by the user');
    return chat;
  };

  const messageText = (params: ParamReader, field: string): FormattedText => {
    const raw = params.optionalString(field) ?? '';
    const entities = params.json<MessageEntity[]>('entities');
    // explicit entities win over parse_mode, as in the Bot API
    const formatted = entities ? { text: raw.trim(), entities } : parseFormattedText(raw, params.optionalString('parse_mode'));
    if (formatted.text.length === 0) throw badRequest('message text is empty');
    if (formatted.text.length > MAX_MESSAGE_LENGTH) throw badRequest('message is too long');
    return formatted;
  };

  return {
    getMe: () => botInfo,
    logOut: () => true,
    close: () => true,

    getUpdates: (params, context) => {
      if (webhook.config) {
        throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      }
      const allowed = params.stringList('allowed_updates');
      if (allowed) queue.allowedUpdates = allowed.length > 0 ? allowed : null;
      const poll = polling.poll({
        offset: params.optionalInt('offset') ?? 0,
        limit: params.clampedInt('limit', 100, 1, 100),
        timeoutSeconds: params.clampedInt('timeout', 0, 0, deps.maxLongPollSeconds),
      });
      context.signal.addEventListener('abort', () => poll.cancel());
      return poll.result;
    },

    setWebhook: (params) => {
      const url = params.optionalString('url') ?? '';
      const drop = params.bool('drop_pending_updates');
      if (url === '') return new Described(true, webhook.delete(drop) ? 'Webhook was deleted' : 'Webhook is already deleted');
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
      }
      // like a self-hosted server in --local mode: http and any port are accepted
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw badRequest('bad webhook: Unsupported URL protocol');
      const secretToken = params.optionalString('secret_token');
      if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
        throw badRequest('secret token contains unallowed characters');
      }
      const allowed = params.stringList('allowed_updates');
      if (allowed) queue.allowedUpdates = allowed.length > 0 ? allowed : null;
      const changed = webhook.set({
        url,
        secretToken: secretToken || undefined,
        maxConnections: params.clampedInt('max_connections', 40, 1, 100),
        dropPendingUpdates: drop,
      });
      return new Described(true, changed ? 'Webhook was set' : 'Webhook is already set');
    },

    deleteWebhook: (params) =>
      new Described(true, webhook.delete(params.bool('drop_pending_updates')) ? 'Webhook was deleted' : 'Webhook is already deleted'),

    getWebhookInfo: () => webhook.info(),

    sendMessage: (params) => {
      const chat = targetChat(params);
      const { text, entities } = messageText(params, 'text');
      const replyTo = repliedMessage(params, chat, state);
      const message: Message.TextMessage = {
        message_id: state.nextMessageId(chat.id),
        from: botAsSender,
        chat,
        date: clock.now(),
        text,
        ...(entities.length > 0 ? { entities } : {}),
        ...(replyTo ? { reply_to_message: replyTo } : {}),
        ...inlineKeyboardOf(params),
      };
      state.storeMessage(message, true);
      return message;
    },

    editMessageText: (params) => {
      if (params.has('inline_message_id')) {
        messageText(params, 'text');
        return true; // inline messages are not stored by Telegram's answer either: it is just true
      }
      const chat = state.chat(params.chatId());
      const stored = state.findMessage(chat.id, params.requiredInt('message_id', 'message identifier is not specified'));
      if (!stored) throw badRequest('message to edit not found');
      if (!stored.fromBot || !('text' in stored.message)) throw badRequest("message can't be edited");
      const { text, entities } = messageText(params, 'text');
      const keyboard = inlineKeyboardOf(params);
      const current = stored.message;
      if (
        current.text === text &&
        JSON.stringify(current.entities ?? []) === JSON.stringify(entities) &&
        JSON.stringify(current.reply_markup) === JSON.stringify(keyboard.reply_markup)
      ) {
        throw badRequest(NOT_MODIFIED);
      }
      const { entities: _old, reply_markup: _oldMarkup, ...rest } = current;
      const edited: Message.TextMessage = {
        ...rest,
        text,
        edit_date: clock.now(),
        ...(entities.length > 0 ? { entities } : {}),
        ...keyboard,
      };
      state.storeMessage(edited, true);
      return edited;
    },

    deleteMessage: (params) => {
      const chat = state.chat(params.chatId());
      const messageId = params.requiredInt('message_id', 'message identifier is not specified');
      if (!state.deleteMessage(chat.id, messageId)) throw badRequest('message to delete not found');
      return true;
    },

    answerCallbackQuery: (params) => {
      const id = params.optionalString('callback_query_id') ?? '';
      if (!state.answerCallbackQuery(id)) throw badRequest('query is too old and response timeout expired or query ID is invalid');
      return true;
    },

    setMyCommands: (params) => {
      const commands = params.json<BotCommand[]>('commands', 'bot commands') ?? [];
      if (!Array.isArray(commands)) throw badRequest("can't parse bot commands");
      if (commands.length > 100) throw badRequest('too many commands specified');
      for (const command of commands) {
        if (typeof command?.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command)) {
          throw badRequest('BOT_COMMAND_INVALID');
        }
        if (typeof command.description !== 'string' || command.description.length < 1 || command.description.length > 256) {
          throw badRequest('command description must be non-empty');
        }
      }
      state.setCommands(commandListKey(params), commands.map(({ command, description }) => ({ command, description })));
      return true;
    },

    deleteMyCommands: (params) => {
      state.deleteCommands(commandListKey(params));
      return true;
    },

    getMyCommands: (params) => state.commands(commandListKey(params)),

    setChatMenuButton: (params) => {
      const chatId = params.has('chat_id') ? state.chat(params.chatId()).id : undefined;
      state.setMenuButton(chatId, params.json<MenuButton>('menu_button', 'menu button') ?? { type: 'default' });
      return true;
    },

    getChatMenuButton: (params) => state.menuButton(params.has('chat_id') ? state.chat(params.chatId()).id : undefined),

    getChat: (params) => fullChat(state.chat(params.chatId())),

    sendChatAction: (params) => {
      targetChat(params);
      const action = params.optionalString('action') ?? '';
      if (!CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
      return true;
    },

    setMyDescription: () => true,
    setMyShortDescription: () => true,
    setMyName: () => true,
  };
}

/** Commands are stored per (scope, language); no scope means the default scope. */
function commandListKey(params: ParamReader): string {
  const scope = params.json<BotCommandScope>('scope', 'bot command scope') ?? { type: 'default' };
  const { type, ...rest } = scope as BotCommandScope & Record<string, unknown>;
  return `${type}:${JSON.stringify(rest)}|${params.optionalString('language_code') ?? ''}`;
}

/** Only inline keyboards travel with the message; reply keyboards live on the client and are not echoed. */
function inlineKeyboardOf(params: ParamReader): { reply_markup?: InlineKeyboardMarkup } {
  const markup = params.json<Record<string, unknown>>('reply_markup', 'reply keyboard markup JSON object');
  if (markup === undefined) return {};
  if (typeof markup !== 'object' || Array.isArray(markup)) throw badRequest('object expected as reply markup');
  return Array.isArray(markup['inline_keyboard']) ? { reply_markup: { inline_keyboard: markup['inline_keyboard'] } as InlineKeyboardMarkup } : {};
}

function repliedMessage(params: ParamReader, chat: Chat, state: BotApiState): Message.TextMessage['reply_to_message'] {
  const reply = params.json<{ message_id?: number; allow_sending_without_reply?: boolean }>('reply_parameters', 'reply parameters');
  const messageId = reply?.message_id ?? params.optionalInt('reply_to_message_id');
  if (messageId === undefined) return undefined;
  const found = state.findMessage(chat.id, messageId);
  if (found) {
    // the quoted message never carries its own reply_to_message
    const { reply_to_message: _nested, ...message } = found.message as Message & { reply_to_message?: unknown };
    return message as Message.TextMessage['reply_to_message'];
  }
  if (reply?.allow_sending_without_reply || params.bool('allow_sending_without_reply')) return undefined;
  throw badRequest('message to be replied not found');
}

function fullChat(chat: Chat): ChatFromGetChat {
  if (chat.type === 'private') return { ...chat, accent_color_id: 0 };
  if (chat.type === 'channel') return { ...chat, accent_color_id: 0 };
  return { ...chat };
}
