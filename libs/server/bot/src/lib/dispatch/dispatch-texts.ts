/**
 * The bot's texts around dispatcher messages, per language (en/de/ru like the main catalogue, kept
 * apart so this feature's texts do not crowd it). The driver's Telegram language_code picks.
 */
export interface DispatchTexts {
  /** The frame of a dispatcher's message: "📨 Dispatch (Anna): …". */
  frame: (sender: string | null, text: string) => string;
  /** Under the message once a button was tapped (the buttons go). */
  answered: (choice: string) => string;
  /** The toast after a tap. */
  answerSent: (choice: string) => string;
  /** The toast for a second tap, or a button of a message that is gone. */
  alreadyAnswered: string;
  outdated: string;
  /** After a typed reply. */
  replyForwarded: string;
}

const en: DispatchTexts = {
  frame: (sender, text) => `📨 Dispatch${sender ? ` (${sender})` : ''}: ${text}`,
  answered: (choice) => `✅ You answered: ${choice}`,
  answerSent: (choice) => `Sent to dispatch: ${choice}`,
  alreadyAnswered: 'You already answered this message.',
  outdated: 'This message is no longer available.',
  replyForwarded: '✉️ Sent to dispatch.',
};

const de: DispatchTexts = {
  frame: (sender, text) => `📨 Disposition${sender ? ` (${sender})` : ''}: ${text}`,
  answered: (choice) => `✅ Deine Antwort: ${choice}`,
  answerSent: (choice) => `An die Disposition gesendet: ${choice}`,
  alreadyAnswered: 'Du hast diese Nachricht schon beantwortet.',
  outdated: 'Diese Nachricht ist nicht mehr verfügbar.',
  replyForwarded: '✉️ An die Disposition gesendet.',
};

const ru: DispatchTexts = {
  frame: (sender, text) => `📨 Диспетчер${sender ? ` (${sender})` : ''}: ${text}`,
  answered: (choice) => `✅ Ваш ответ: ${choice}`,
  answerSent: (choice) => `Отправлено диспетчеру: ${choice}`,
  alreadyAnswered: 'Вы уже ответили на это сообщение.',
  outdated: 'Это сообщение больше недоступно.',
  replyForwarded: '✉️ Отправлено диспетчеру.',
};

const TEXTS: Record<string, DispatchTexts> = { en, de, ru };

/** The texts for a Telegram language_code ("de-AT" → de), English when there is no translation. */
export function dispatchTextsFor(languageCode: string | null | undefined): DispatchTexts {
  const language = (languageCode ?? '').toLowerCase().split(/[-_]/)[0];
  return TEXTS[language] ?? en;
}
