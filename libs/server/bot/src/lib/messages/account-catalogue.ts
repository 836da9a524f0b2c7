/**
 * What the bot says to managers (not drivers) in their own chat: linking, /mute, /unmute, /unlink.
 * Same languages as the drivers' catalogue; the user's Telegram language_code picks, English otherwise.
 */
export interface AccountChatMessages {
  linked: (email: string) => string;
  linkUnknown: string;
  linkExpired: string;
  linkUsed: string;
  notLinked: string;
  muted: (until: string) => string;
  muteUsage: string;
  unmuted: string;
  unlinked: string;
}

const en: AccountChatMessages = {
  linked: (email) => `Done: alerts for ${email} will arrive in this chat. /mute 1h pauses them, /unlink stops them.`,
  linkUnknown: 'This link is not valid. Create a new one on your Convoy account page.',
  linkExpired: 'This link has expired. Create a new one on your Convoy account page.',
  linkUsed: 'This link was already used. Create a new one on your Convoy account page.',
  notLinked: 'This chat is not linked to a Convoy account. Link it from your account page in the Convoy dashboard.',
  muted: (until) => `Alerts are muted until ${until}. /unmute turns them back on.`,
  muteUsage: 'Say how long, e.g. /mute 30m, /mute 2h or /mute 1d (at most 31 days).',
  unmuted: 'Alerts are on again.',
  unlinked: 'This chat is unlinked: no more alerts here. Link it again from your account page.',
};

const de: AccountChatMessages = {
  linked: (email) => `Erledigt: Meldungen für ${email} kommen in diesen Chat. /mute 1h pausiert sie, /unlink beendet sie.`,
  linkUnknown: 'Dieser Link ist ungültig. Erstelle auf deiner Convoy-Kontoseite einen neuen.',
  linkExpired: 'Dieser Link ist abgelaufen. Erstelle auf deiner Convoy-Kontoseite einen neuen.',
  linkUsed: 'Dieser Link wurde schon benutzt. Erstelle auf deiner Convoy-Kontoseite einen neuen.',
  notLinked: 'Dieser Chat ist mit keinem Convoy-Konto verbunden. Verbinde ihn auf deiner Kontoseite im Convoy-Dashboard.',
  muted: (until) => `Meldungen sind stumm bis ${until}. /unmute schaltet sie wieder ein.`,
  muteUsage: 'Sag, wie lange, z. B. /mute 30m, /mute 2h oder /mute 1d (höchstens 31 Tage).',
  unmuted: 'Meldungen sind wieder an.',
  unlinked: 'Dieser Chat ist getrennt: hier kommen keine Meldungen mehr. Verbinde ihn auf deiner Kontoseite neu.',
};

const ru: AccountChatMessages = {
  linked: (email) => `Готово: уведомления для ${email} будут приходить в этот чат. /mute 1h приостановит их, /unlink отключит.`,
  linkUnknown: 'Ссылка недействительна. Создайте новую на странице аккаунта Convoy.',
  linkExpired: 'Срок действия ссылки истёк. Создайте новую на странице аккаунта Convoy.',
  linkUsed: 'Эта ссылка уже использована. Создайте новую на странице аккаунта Convoy.',
  notLinked: 'Этот чат не связан с аккаунтом Convoy. Свяжите его на странице аккаунта в панели Convoy.',
  muted: (until) => `Уведомления отключены до ${until}. /unmute включит их снова.`,
  muteUsage: 'Укажите срок, например /mute 30m, /mute 2h или /mute 1d (не больше 31 дня).',
  unmuted: 'Уведомления снова включены.',
  unlinked: 'Чат отвязан: уведомлений здесь больше не будет. Свяжите его снова на странице аккаунта.',
};

const CATALOGUE: Record<string, AccountChatMessages> = { en, de, ru };

export function accountMessagesFor(languageCode: string | null | undefined): AccountChatMessages {
  return CATALOGUE[(languageCode ?? '').toLowerCase().split(/[-_]/)[0]] ?? en;
}
