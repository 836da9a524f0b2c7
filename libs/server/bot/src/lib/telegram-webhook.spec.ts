import type { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '@convoy/server/config';
import type { TelegramSessions } from '@convoy/server/sharing';
import type { Telegraf } from 'telegraf';
import { TelegramWebhook } from './telegram-webhook';

const liveEdit = {
  update_id: 5,
  edited_message: {
    message_id: 9,
    date: 1_795_500_000,
    edit_date: 1_795_500_060,
    chat: { id: 42, type: 'private' },
    from: { id: 42, is_bot: false },
    location: { latitude: 52.5, longitude: 13.4, live_period: 900 },
  },
};

function setup(followed: boolean) {
  const bot = { handleUpdate: jest.fn().mockResolvedValue(undefined) };
  const sessions = { followedLiveEdit: jest.fn().mockResolvedValue(followed) };
  const webhook = new TelegramWebhook(
    bot as unknown as Telegraf,
    sessions as unknown as TelegramSessions,
    { telegram: { webhookSecret: 's' } } as AppConfig,
    {} as HttpAdapterHost,
  );
  return { webhook, bot, sessions };
}

describe('TelegramWebhook.handle', () => {
  it('serves a moving edit of a followed live location without telegraf', async () => {
    const { webhook, bot, sessions } = setup(true);
    await webhook.handle(liveEdit);
    expect(sessions.followedLiveEdit).toHaveBeenCalledWith(expect.objectContaining({ updateId: 5, userId: 42, messageId: 9, livePeriod: 900 }));
    expect(bot.handleUpdate).not.toHaveBeenCalled();
  });

  it('hands a live edit this instance does not follow (unknown user, new session, cache expired) to telegraf', async () => {
    const { webhook, bot } = setup(false);
    await webhook.handle(liveEdit);
    expect(bot.handleUpdate).toHaveBeenCalledWith(liveEdit);
  });

  it('hands everything else to telegraf without asking the sessions', async () => {
    const { webhook, bot, sessions } = setup(true);
    const command = { update_id: 6, message: { message_id: 1, date: 1, chat: { id: 42, type: 'private' }, from: { id: 42 }, text: '/status' } };
    await webhook.handle(command);
    expect(sessions.followedLiveEdit).not.toHaveBeenCalled();
    expect(bot.handleUpdate).toHaveBeenCalledWith(command);
  });

  it('lets a storage failure reach the route (500, Telegram retries)', async () => {
    const { webhook, sessions } = setup(true);
    sessions.followedLiveEdit.mockRejectedValue(new Error('database down'));
    await expect(webhook.handle(liveEdit)).rejects.toThrow('database down');
  });

  it('registers nothing without an HTTP server (a CLI application context)', () => {
    const { webhook } = setup(true);
    expect(() => webhook.onModuleInit()).not.toThrow();
  });
});
