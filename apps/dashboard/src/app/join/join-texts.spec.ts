import { JOIN_LANGUAGES, JOIN_TEXTS, pickLanguage } from './join-texts';

describe('join page language', () => {
  it("takes the first of the browser's languages that has a translation", () => {
    expect(pickLanguage(['de-AT', 'en'])).toBe('de');
    expect(pickLanguage(['cs-CZ', 'ru-RU', 'de'])).toBe('ru');
    expect(pickLanguage(['RU'])).toBe('ru');
  });

  it('falls back to English', () => {
    expect(pickLanguage(['cs', 'pl'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('has every text in every language, none left empty', () => {
    for (const language of JOIN_LANGUAGES) {
      for (const [key, value] of Object.entries(JOIN_TEXTS[language])) {
        const text = typeof value === 'function' ? (value as (x: string) => string)('X') : value;
        expect([language, key, JSON.stringify(text).length > 2]).toEqual([language, key, true]);
      }
    }
    expect(JOIN_TEXTS.de.stop).not.toBe(JOIN_TEXTS.en.stop);
    expect(JOIN_TEXTS.ru.invalidText).toContain('новую ссылку');
  });
});
