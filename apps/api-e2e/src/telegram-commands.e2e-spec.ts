import { messagesFor, SUPPORTED_LANGUAGES } from '@convoy/server/bot';
import { Telegram } from 'telegraf';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';

/** What Telegram shows in a driver's command menu: the list for their language, else the default. */
describe('the bot command menu', () => {
  let bed: TelegramTestbed;
  let telegram: Telegram;

  beforeAll(async () => {
    bed = await startTelegramTestbed('commands', 'polling');
    telegram = new Telegram(bed.telegram.token, { apiRoot: bed.telegram.apiRoot });
  });
  afterAll(async () => {
    await bed?.close();
  });

  /** Each entry's description is the catalogue's text for that command in that language. */
  const expectMenuIn = async (language: string, listed: Promise<Array<{ command: string; description: string }>>) => {
    const descriptions = messagesFor(language).commands as Record<string, string>;
    const commands = await listed;
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(['status', 'stop', 'help']));
    for (const { command, description } of commands) expect({ command, description }).toEqual({ command, description: descriptions[command] });
  };

  it.each(SUPPORTED_LANGUAGES)('is registered in %s, from the catalogue', async (language) => {
    await expectMenuIn(language, telegram.getMyCommands({ language_code: language }));
  });

  it('has an English default for languages the catalogue does not have', async () => {
    await expectMenuIn('en', telegram.getMyCommands());
    expect(SUPPORTED_LANGUAGES).toEqual(expect.arrayContaining(['en', 'de', 'ru']));
  });
});
