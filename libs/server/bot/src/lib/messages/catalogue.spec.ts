import { type BotMessages, messagesFor, SUPPORTED_LANGUAGES } from './catalogue';

/** Every catalogue entry as text (functions called with sample arguments), keyed by name. */
function texts(messages: BotMessages): Record<string, string> {
  const entries = Object.entries(messages).flatMap(([key, value]): Array<[string, string]> => {
    if (typeof value === 'string') return [[key, value]];
    if (typeof value === 'function') return [[key, (value as (...args: string[]) => string)('A', 'B')]];
    return Object.entries(value as Record<string, string>).map(([sub, text]) => [`${key}.${sub}`, text]);
  });
  return Object.fromEntries(entries);
}

/** What a driver acts on: commands, the 📎 path to live sharing, the status emoji. */
function actionTokens(text: string): string[] {
  return [...new Set(text.match(/\/(?:start|status|stop|delete|help)\b|📎|✅|📍|📡|🗑/gu) ?? [])].sort();
}

function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?…])\s+|\n+/u).filter((part) => /\p{L}/u.test(part)).length;
}

describe('bot message catalogue', () => {
  const english = texts(messagesFor('en'));
  const translations = SUPPORTED_LANGUAGES.filter((language) => language !== 'en');

  it('answers in the driver’s language, English when there is no translation', () => {
    expect(messagesFor('de-AT')).toBe(messagesFor('de'));
    expect(messagesFor('RU')).toBe(messagesFor('ru'));
    expect(messagesFor('fr')).toBe(messagesFor('en'));
    expect(messagesFor(undefined)).toBe(messagesFor('en'));
  });

  it.each(translations)('%s gives drivers the same instructions as English (commands, the 📎 path, emoji)', (language) => {
    const translated = texts(messagesFor(language));
    for (const [key, text] of Object.entries(english)) {
      expect({ key, tokens: actionTokens(translated[key]) }).toEqual({ key, tokens: actionTokens(text) });
    }
  });

  it.each(translations)('%s drops no sentence of the English text', (language) => {
    const translated = texts(messagesFor(language));
    for (const [key, text] of Object.entries(english)) {
      expect({ key, sentences: sentenceCount(translated[key]) }).toEqual({ key, sentences: sentenceCount(text) });
    }
  });

  it.each(SUPPORTED_LANGUAGES)('%s help lists every command a driver can send', (language) => {
    const help = messagesFor(language).help;
    for (const command of ['/status', '/stop', '/delete', '/help']) expect(help).toContain(command);
  });
});
