import type { BotCommand, Chat, MenuButton, Message, Update } from 'telegraf/types';
import { badRequest } from './bot-api-error';
import type { MessageIdAllocator } from './telegram-updates';

export interface StoredMessage {
  message: Message;
  /** only the bot's own messages can be edited by it */
  fromBot: boolean;
}

/**
 * What Telegram knows about the bot's world: the chats it has met (a bot cannot message a user who
 * never wrote to it — "chat not found"), the messages in them, users who blocked it, open callback
 * queries, and its command lists and menu buttons.
 */
export class BotApiState implements MessageIdAllocator {
  private readonly chats = new Map<number, Chat>();
  private readonly lastMessageIds = new Map<number, number>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly blockedChats = new Set<number>();
  private readonly openCallbackQueries = new Set<string>();
  private readonly commandLists = new Map<string, BotCommand[]>();
  private readonly menuButtons = new Map<string, MenuButton>();
  /** every message the bot sent, in order (edits change the stored message, not this log) */
  readonly sentMessages: Message[] = [];

  constructor(private readonly acceptUnknownChats: boolean) {}

  /** Learns chats, messages and callback queries from an update the way Telegram's servers already know them. */
  observe(update: Update): void {
    const message =
      'message' in update ? update.message : 'edited_message' in update ? update.edited_message : undefined;
    if (message) {
      this.registerChat(message.chat);
      this.storeMessage(message, false);
    }
    if ('callback_query' in update) {
      this.openCallbackQueries.add(update.callback_query.id);
      const origin = update.callback_query.message;
      if (origin) this.registerChat(origin.chat);
    }
  }

  registerChat(chat: Chat): void {
    this.chats.set(chat.id, { ...this.chats.get(chat.id), ...chat } as Chat);
  }

  /** The chat a method targets: by id, or "@username" for public chats. */
  chat(chatId: number | string): Chat {
    const found =
      typeof chatId === 'number'
        ? this.chats.get(chatId)
        : [...this.chats.values()].find((chat) => 'username' in chat && `@${chat.username}` === chatId);
    if (found) return found;
    if (this.acceptUnknownChats && typeof chatId === 'number') {
      const invented: Chat = chatId > 0 ? { id: chatId, type: 'private', first_name: 'Unknown' } : { id: chatId, type: 'group', title: 'Unknown' };
      this.registerChat(invented);
      return invented;
    }
    throw badRequest('chat not found');
  }

  setBlocked(chatId: number, blocked: boolean): void {
    if (blocked) this.blockedChats.add(chatId);
    else this.blockedChats.delete(chatId);
  }

  isBlocked(chatId: number): boolean {
    return this.blockedChats.has(chatId);
  }

  /** One sequence per chat, shared by user messages (fixtures) and the bot's, as in Telegram. */
  nextMessageId(chatId: number): number {
    const next = (this.lastMessageIds.get(chatId) ?? 0) + 1;
    this.lastMessageIds.set(chatId, next);
    return next;
  }

  storeMessage(message: Message, fromBot: boolean): void {
    const key = messageKey(message.chat.id, message.message_id);
    const previous = this.messages.get(key);
    this.messages.set(key, { message, fromBot: previous?.fromBot ?? fromBot });
    if (message.message_id > (this.lastMessageIds.get(message.chat.id) ?? 0)) {
      this.lastMessageIds.set(message.chat.id, message.message_id);
    }
    if (fromBot && !previous) this.sentMessages.push(message);
  }

  findMessage(chatId: number, messageId: number): StoredMessage | undefined {
    return this.messages.get(messageKey(chatId, messageId));
  }

  deleteMessage(chatId: number, messageId: number): boolean {
    return this.messages.delete(messageKey(chatId, messageId));
  }

  /** A callback query can be answered once; afterwards Telegram treats its id as invalid. */
  answerCallbackQuery(id: string): boolean {
    return this.openCallbackQueries.delete(id);
  }

  setCommands(key: string, commands: BotCommand[]): void {
    this.commandLists.set(key, commands);
  }

  deleteCommands(key: string): void {
    this.commandLists.delete(key);
  }

  commands(key: string): BotCommand[] {
    return this.commandLists.get(key) ?? [];
  }

  setMenuButton(chatId: number | undefined, button: MenuButton): void {
    this.menuButtons.set(String(chatId ?? 'default'), button);
  }

  menuButton(chatId: number | undefined): MenuButton {
    return this.menuButtons.get(String(chatId ?? 'default')) ?? this.menuButtons.get('default') ?? { type: 'default' };
  }
}

function messageKey(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}
