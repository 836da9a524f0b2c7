/**
 * Every text the bot sends, per language. Handlers never hold string literals: they name a message
 * and the driver's Telegram language_code picks the translation (English when there is none).
 */
export interface BotMessages {
  welcome: (name: string) => string;
  shareLiveHowTo: string;
  shareLocationButton: string;
  startWithoutToken: string;
  linkUnknown: string;
  linkExpired: string;
  linkRevoked: string;
  linkAlreadyUsed: string;
  tooManyAttempts: string;
  groupChat: string;
  notLinked: string;
  checkInThanks: string;
  liveStarted: (until: string | null) => string;
  liveStopped: string;
  shareAgain: string;
  venueNotLocation: string;
  invalidLocation: string;
  stopped: string;
  statusLive: (since: string, last: string) => string;
  statusCheckIns: (last: string) => string;
  statusNotSharing: string;
  help: string;
  unsupported: string;
  storageTrouble: string;
  eraseConfirm: (name: string) => string;
  eraseConfirmButton: string;
  eraseCancelButton: string;
  erased: string;
  eraseCancelled: string;
  eraseOutdated: string;
  slowDown: string;
  commands: { start: string; status: string; stop: string; delete: string; help: string };
}

const en: BotMessages = {
  welcome: (name) => `Hi! You are now connected to Convoy as “${name}”.`,
  shareLiveHowTo:
    'To be tracked while you drive, share your live location: tap 📎 → Location → “Share My Live Location” and pick a duration (“until I turn this off” works best).\n\nFor a single check-in, tap the button below.',
  shareLocationButton: '📍 Send my current location',
  startWithoutToken:
    'Welcome to Convoy. To start, open the tracking link your dispatcher sent you — it connects this chat to your account.',
  linkUnknown: 'This tracking link is not valid. Please ask your dispatcher for a new one.',
  linkExpired: 'This tracking link has expired. Please ask your dispatcher for a new one.',
  linkRevoked: 'This tracking link was withdrawn by your dispatcher. Please ask them for a new one.',
  linkAlreadyUsed: 'This tracking link has already been used by someone else. Please ask your dispatcher for your own link.',
  tooManyAttempts: 'Too many attempts. Please wait a few minutes and try again.',
  groupChat: 'I only work in a private chat. Please open me directly: tap my name and then “Message”.',
  notLinked: 'I don’t know you yet. Please open the tracking link your dispatcher sent you first.',
  checkInThanks: '✅ Location received. Thank you!',
  liveStarted: (until) =>
    until ? `✅ Live location received — your dispatcher can see you until ${until}.` : '✅ Live location received — your dispatcher can see you now.',
  liveStopped: 'Live location stopped. Your dispatcher no longer sees you moving.',
  shareAgain: 'Your live location is no longer shared. If you are still on shift, please share it again (📎 → Location → Share My Live Location).',
  venueNotLocation: 'That is a place picked on the map, not where you are. Please send your current location instead.',
  invalidLocation: 'I could not use that location. Please try sending it again.',
  stopped: 'Tracking stopped. Convoy no longer receives your location. To start again, open a new tracking link from your dispatcher.',
  statusLive: (since, last) => `📡 Convoy is receiving your live location since ${since}. Last update: ${last}.`,
  statusCheckIns: (last) => `📍 Your last check-in was at ${last}. Share your live location to be tracked continuously.`,
  statusNotSharing: 'Convoy is not receiving your location right now. Share your live location to be tracked.',
  help:
    'Convoy shares your location with your dispatcher while you work.\n\n/status — is Convoy receiving my location?\n/stop — stop tracking\n/delete — leave and erase my data\n/help — this message\n\nTo share: 📎 → Location → Share My Live Location.',
  unsupported: 'I only understand locations. Send /help to see what I can do.',
  storageTrouble: 'Sorry, I could not save that just now. Please try again in a moment.',
  eraseConfirm: (name) =>
    `Erase your data as “${name}”? Convoy deletes every location you sent, your Telegram name and account id. Your dispatcher only sees that a driver left. This cannot be undone.`,
  eraseConfirmButton: '🗑 Yes, erase my data',
  eraseCancelButton: 'Cancel',
  erased: '✅ Your data was erased. Convoy no longer knows you. To be tracked again, open a new tracking link from your dispatcher.',
  eraseCancelled: 'Nothing was erased.',
  eraseOutdated: 'This question is out of date. Send /delete again if you want to erase your data.',
  slowDown: 'You are sending messages too quickly. Please wait a minute; your locations are still received.',
  commands: {
    start: 'Connect with a tracking link',
    status: 'Is Convoy receiving my location?',
    stop: 'Stop tracking',
    delete: 'Leave and erase my data',
    help: 'How this works',
  },
};

const de: BotMessages = {
  welcome: (name) => `Hallo! Sie sind jetzt als „${name}“ mit Convoy verbunden.`,
  shareLiveHowTo:
    'Damit Sie während der Fahrt verfolgt werden, teilen Sie Ihren Live-Standort: 📎 → Standort → „Live-Standort teilen“ und eine Dauer wählen („bis ich es ausschalte“ ist am besten).\n\nFür eine einzelne Meldung tippen Sie unten auf die Schaltfläche.',
  shareLocationButton: '📍 Aktuellen Standort senden',
  startWithoutToken:
    'Willkommen bei Convoy. Öffnen Sie zuerst den Tracking-Link Ihrer Disposition — er verbindet diesen Chat mit Ihrem Konto.',
  linkUnknown: 'Dieser Tracking-Link ist ungültig. Bitte fragen Sie Ihre Disposition nach einem neuen.',
  linkExpired: 'Dieser Tracking-Link ist abgelaufen. Bitte fragen Sie Ihre Disposition nach einem neuen.',
  linkRevoked: 'Dieser Tracking-Link wurde von Ihrer Disposition zurückgezogen. Bitte fragen Sie nach einem neuen.',
  linkAlreadyUsed: 'Dieser Tracking-Link wurde bereits von jemand anderem verwendet. Bitte fragen Sie Ihre Disposition nach Ihrem eigenen Link.',
  tooManyAttempts: 'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
  groupChat: 'Ich funktioniere nur im privaten Chat. Bitte schreiben Sie mir direkt: tippen Sie auf meinen Namen und dann auf „Nachricht“.',
  notLinked: 'Ich kenne Sie noch nicht. Bitte öffnen Sie zuerst den Tracking-Link Ihrer Disposition.',
  checkInThanks: '✅ Standort erhalten. Danke!',
  liveStarted: (until) =>
    until ? `✅ Live-Standort erhalten — Ihre Disposition sieht Sie bis ${until}.` : '✅ Live-Standort erhalten — Ihre Disposition sieht Sie jetzt.',
  liveStopped: 'Live-Standort beendet. Ihre Disposition sieht Ihre Fahrt nicht mehr.',
  shareAgain:
    'Ihr Live-Standort wird nicht mehr geteilt. Wenn Sie noch im Dienst sind, teilen Sie ihn bitte erneut (📎 → Standort → Live-Standort teilen).',
  venueNotLocation: 'Das ist ein auf der Karte gewählter Ort, nicht Ihr Standort. Bitte senden Sie Ihren aktuellen Standort.',
  invalidLocation: 'Diesen Standort konnte ich nicht verwenden. Bitte senden Sie ihn erneut.',
  stopped:
    'Tracking beendet. Convoy empfängt Ihren Standort nicht mehr. Um wieder zu starten, öffnen Sie einen neuen Tracking-Link Ihrer Disposition.',
  statusLive: (since, last) => `📡 Convoy empfängt Ihren Live-Standort seit ${since}. Letzte Meldung: ${last}.`,
  statusCheckIns: (last) => `📍 Ihre letzte Standortmeldung war um ${last}. Teilen Sie Ihren Live-Standort, damit Sie laufend verfolgt werden.`,
  statusNotSharing: 'Convoy empfängt gerade keinen Standort von Ihnen. Teilen Sie Ihren Live-Standort.',
  help:
    'Convoy teilt Ihren Standort während der Arbeit mit Ihrer Disposition.\n\n/status — empfängt Convoy meinen Standort?\n/stop — Tracking beenden\n/delete — austreten und meine Daten löschen\n/help — diese Hilfe\n\nZum Teilen: 📎 → Standort → Live-Standort teilen.',
  unsupported: 'Ich verstehe nur Standorte. /help zeigt, was ich kann.',
  storageTrouble: 'Das konnte ich gerade nicht speichern. Bitte versuchen Sie es gleich noch einmal.',
  eraseConfirm: (name) =>
    `Ihre Daten als „${name}“ löschen? Convoy löscht jeden gesendeten Standort, Ihren Telegram-Namen und Ihre Konto-ID. Ihre Disposition sieht nur, dass ein Fahrer gegangen ist. Das lässt sich nicht rückgängig machen.`,
  eraseConfirmButton: '🗑 Ja, meine Daten löschen',
  eraseCancelButton: 'Abbrechen',
  erased:
    '✅ Ihre Daten wurden gelöscht. Convoy kennt Sie nicht mehr. Um wieder verfolgt zu werden, öffnen Sie einen neuen Tracking-Link Ihrer Disposition.',
  eraseCancelled: 'Es wurde nichts gelöscht.',
  eraseOutdated: 'Diese Frage ist nicht mehr aktuell. Senden Sie /delete erneut, wenn Sie Ihre Daten löschen möchten.',
  slowDown: 'Sie senden zu schnell Nachrichten. Bitte warten Sie eine Minute; Ihre Standorte kommen weiterhin an.',
  commands: {
    start: 'Mit Tracking-Link verbinden',
    status: 'Empfängt Convoy meinen Standort?',
    stop: 'Tracking beenden',
    delete: 'Austreten und meine Daten löschen',
    help: 'So funktioniert es',
  },
};

const ru: BotMessages = {
  welcome: (name) => `Здравствуйте! Вы подключены к Convoy как «${name}».`,
  shareLiveHowTo:
    'Чтобы диспетчер видел вас в пути, поделитесь геопозицией в реальном времени: 📎 → Геопозиция → «Транслировать геопозицию» и выберите срок («пока не выключу» — лучше всего).\n\nДля разовой отметки нажмите кнопку ниже.',
  shareLocationButton: '📍 Отправить текущее местоположение',
  startWithoutToken:
    'Добро пожаловать в Convoy. Чтобы начать, откройте ссылку для отслеживания от вашего диспетчера — она свяжет этот чат с вашей учётной записью.',
  linkUnknown: 'Эта ссылка недействительна. Попросите у диспетчера новую.',
  linkExpired: 'Срок действия ссылки истёк. Попросите у диспетчера новую.',
  linkRevoked: 'Диспетчер отозвал эту ссылку. Попросите у него новую.',
  linkAlreadyUsed: 'Эту ссылку уже использовал другой человек. Попросите у диспетчера свою.',
  tooManyAttempts: 'Слишком много попыток. Подождите несколько минут и попробуйте снова.',
  groupChat: 'Я работаю только в личном чате. Напишите мне напрямую: нажмите на моё имя, а затем «Отправить сообщение».',
  notLinked: 'Я вас пока не знаю. Сначала откройте ссылку для отслеживания от вашего диспетчера.',
  checkInThanks: '✅ Местоположение получено. Спасибо!',
  liveStarted: (until) =>
    until ? `✅ Трансляция получена — диспетчер видит вас до ${until}.` : '✅ Трансляция получена — диспетчер видит вас.',
  liveStopped: 'Трансляция геопозиции остановлена. Диспетчер больше не видит, как вы едете.',
  shareAgain:
    'Ваша геопозиция больше не транслируется. Если вы ещё на смене, включите трансляцию снова (📎 → Геопозиция → «Транслировать геопозицию»).',
  venueNotLocation: 'Это место, выбранное на карте, а не ваше местоположение. Отправьте, пожалуйста, текущую геопозицию.',
  invalidLocation: 'Не удалось использовать это местоположение. Попробуйте отправить ещё раз.',
  stopped:
    'Отслеживание остановлено. Convoy больше не получает ваше местоположение. Чтобы начать снова, откройте новую ссылку от диспетчера.',
  statusLive: (since, last) => `📡 Convoy получает вашу геопозицию с ${since}. Последнее обновление: ${last}.`,
  statusCheckIns: (last) => `📍 Ваша последняя отметка: ${last}. Включите трансляцию геопозиции, чтобы вас отслеживали непрерывно.`,
  statusNotSharing: 'Сейчас Convoy не получает ваше местоположение. Включите трансляцию геопозиции.',
  help:
    'Convoy передаёт ваше местоположение диспетчеру во время работы.\n\n/status — получает ли Convoy мою геопозицию?\n/stop — остановить отслеживание\n/delete — уйти и удалить мои данные\n/help — эта справка\n\nКак поделиться: 📎 → Геопозиция → «Транслировать геопозицию».',
  unsupported: 'Я понимаю только геопозицию. /help — что я умею.',
  storageTrouble: 'Не удалось сохранить. Попробуйте ещё раз чуть позже.',
  eraseConfirm: (name) =>
    `Удалить ваши данные как «${name}»? Convoy удалит все отправленные вами геопозиции, ваше имя в Telegram и номер учётной записи. Диспетчер увидит только, что водитель ушёл. Это нельзя отменить.`,
  eraseConfirmButton: '🗑 Да, удалить мои данные',
  eraseCancelButton: 'Отмена',
  erased:
    '✅ Ваши данные удалены. Convoy вас больше не знает. Чтобы вас снова отслеживали, откройте новую ссылку от диспетчера.',
  eraseCancelled: 'Ничего не удалено.',
  eraseOutdated: 'Этот вопрос устарел. Отправьте /delete ещё раз, если хотите удалить свои данные.',
  slowDown: 'Вы отправляете сообщения слишком часто. Подождите минуту; ваши геопозиции по-прежнему принимаются.',
  commands: {
    start: 'Подключиться по ссылке',
    status: 'Получает ли Convoy мою геопозицию?',
    stop: 'Остановить отслеживание',
    delete: 'Уйти и удалить мои данные',
    help: 'Как это работает',
  },
};

const CATALOGUE: Record<string, BotMessages> = { en, de, ru };

/** The driver's language from Telegram's `language_code` (e.g. "de-AT" → de), English otherwise. */
export function messagesFor(languageCode: string | null | undefined): BotMessages {
  const language = (languageCode ?? '').toLowerCase().split(/[-_]/)[0];
  return CATALOGUE[language] ?? en;
}

export const SUPPORTED_LANGUAGES = Object.keys(CATALOGUE);
