import type { AppConfig } from '@convoy/server/config';
import type { TelegramAccountsService } from '@convoy/server/notifications';
import type { IncomingMessage } from '../telegram/incoming-message';
import { AccountChat } from './account-chat';

const CODE = `u_${'A'.repeat(43)}`;

function setup() {
  const accounts = {
    redeem: jest.fn().mockResolvedValue({ kind: 'linked', email: 'anna@example.com' }),
    mute: jest.fn().mockResolvedValue(new Date('2026-12-01T10:30:00Z')),
    unmute: jest.fn().mockResolvedValue(true),
    unlinkTelegram: jest.fn().mockResolvedValue(false),
  };
  const chat = new AccountChat(accounts as unknown as TelegramAccountsService, { telegram: { timeZone: 'UTC' } } as AppConfig);
  const replies: string[] = [];
  const replier = { reply: async (text: string) => void replies.push(text) };
  return { chat, accounts, replies, replier };
}

const message = (languageCode: string | null = 'en'): IncomingMessage => ({
  updateId: 1,
  edited: false,
  chat: { id: 42, type: 'private' },
  from: { id: 7, isBot: false, username: 'anna', firstName: 'Anna', lastName: null, languageCode },
  messageId: 1,
  date: 0,
  editDate: null,
  text: null,
  location: null,
  isVenue: false,
});

describe('AccountChat', () => {
  it('links the chat for a user link code and leaves driver tokens to the driver conversation', async () => {
    const { chat, accounts, replies, replier } = setup();
    expect(await chat.handle('start', CODE, message(), replier)).toBe(true);
    expect(accounts.redeem).toHaveBeenCalledWith(CODE, { telegramUserId: 7, chatId: 42, username: 'anna', firstName: 'Anna', languageCode: 'en' });
    expect(replies[0]).toContain('alerts for anna@example.com will arrive in this chat');
    // a driver link token: 43 characters, no prefix
    expect(await chat.handle('start', 'A'.repeat(43), message(), replier)).toBe(false);
    expect(await chat.handle('start', null, message(), replier)).toBe(false);
    expect(await chat.handle('status', null, message(), replier)).toBe(false);
  });

  it('tells why a code does not link, in the user\'s language', async () => {
    const { chat, accounts, replies, replier } = setup();
    accounts.redeem.mockResolvedValueOnce({ kind: 'expired' });
    await chat.handle('start', CODE, message('de'), replier);
    expect(replies).toEqual(['Dieser Link ist abgelaufen. Erstelle auf deiner Convoy-Kontoseite einen neuen.']);
  });

  it('mutes for the duration asked, explains the format otherwise', async () => {
    const { chat, accounts, replies, replier } = setup();
    await chat.handle('mute', '2h', message(), replier);
    expect(accounts.mute).toHaveBeenCalledWith(7, 2 * 3600_000, 'en');
    expect(replies[0]).toBe('Alerts are muted until 10:30 UTC. /unmute turns them back on.');
    await chat.handle('mute', 'forever', message(), replier);
    expect(replies[1]).toContain('/mute 30m');
    expect(accounts.mute).toHaveBeenCalledTimes(1);
  });

  it('answers /unmute and /unlink, and says when the chat is not linked', async () => {
    const { chat, replies, replier } = setup();
    await chat.handle('unmute', null, message(), replier);
    await chat.handle('unlink', null, message(), replier);
    expect(replies).toEqual(['Alerts are on again.', expect.stringContaining('not linked to a Convoy account')]);
  });
});
