/**
 * Every text of the public join page, in the languages the bot speaks (en, de, ru). Drivers open the
 * page on their own phone, so the browser's language picks (`navigator.languages`), English otherwise.
 * A small typed catalogue instead of Angular's build-time locales: one bundle serves every driver, and
 * a missing translation is a compile error.
 */
export const JOIN_LANGUAGES = ['en', 'de', 'ru'] as const;
export type JoinLanguage = (typeof JOIN_LANGUAGES)[number];

/** A GPS app's setup: its name, where to get it, and the steps. */
export interface AppSteps {
  readonly intro: string;
  readonly steps: readonly string[];
}

export interface JoinTexts {
  readonly title: string;
  readonly opening: string;
  readonly hello: (name: string) => string;
  readonly intro: string;
  readonly telegramTitle: string;
  readonly telegramText: string;
  readonly telegramButton: string;
  readonly browserTitle: string;
  readonly browserText: string;
  readonly browserButton: string;
  readonly appTitle: string;
  readonly appText: string;
  readonly appButton: string;
  readonly working: string;
  readonly otherWays: string;

  readonly sharingTitle: string;
  readonly sharingSince: (time: string) => string;
  readonly lastSent: (time: string) => string;
  readonly waitingForFirst: string;
  readonly pending: (count: number) => string;
  readonly keepOpen: string;
  readonly screenOn: string;
  readonly stop: string;
  readonly stopping: string;
  readonly endedTitle: string;
  readonly endedText: string;
  readonly endedUnconfirmed: string;
  readonly shareAgain: string;
  readonly retryStop: string;
  readonly denied: string;
  readonly unavailable: string;
  readonly unsupported: string;
  readonly insecure: string;
  readonly sendFailed: string;
  readonly revokedTitle: string;
  readonly revokedText: string;

  readonly invalidTitle: string;
  readonly invalidText: string;
  readonly unreachable: string;
  readonly tryAgain: string;
  readonly actionFailed: string;

  readonly setupTitle: string;
  readonly setupIntro: string;
  readonly serverUrl: string;
  readonly deviceId: string;
  readonly trackingUrl: string;
  readonly owntracksUser: string;
  readonly owntracksPassword: string;
  readonly keySecret: string;
  readonly qrCaption: string;
  readonly qrAlt: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly traccar: AppSteps;
  readonly osmand: AppSteps;
  readonly gpslogger: AppSteps;
  readonly owntracks: AppSteps;
}

const EN: JoinTexts = {
  title: 'Share your location',
  opening: 'Opening your link…',
  hello: (name) => `Hello, ${name}`,
  intro: 'Your dispatcher asks you to share your location while you drive. Choose one way; you can stop at any time.',
  telegramTitle: 'Telegram',
  telegramText: 'Share your live location in a Telegram chat with the Convoy bot.',
  telegramButton: 'Open in Telegram',
  browserTitle: 'This browser',
  browserText: 'Nothing to install. Works while this page stays open.',
  browserButton: 'Share from this browser',
  appTitle: 'GPS app',
  appText: 'Traccar Client, OsmAnd, GPSLogger or OwnTracks keep sending in the background.',
  appButton: 'Set up a GPS app',
  working: 'One moment…',
  otherWays: 'Other ways to share',

  sharingTitle: 'You are sharing your location',
  sharingSince: (time) => `Sharing since ${time}`,
  lastSent: (time) => `last sent ${time}`,
  waitingForFirst: 'Waiting for the first position…',
  pending: (count) => (count === 1 ? '1 position waiting to be sent' : `${count} positions waiting to be sent`),
  keepOpen: 'Keep this page open. Closing it (or the browser) stops sharing.',
  screenOn: 'The screen stays on while you share.',
  stop: 'Stop sharing',
  stopping: 'Stopping…',
  endedTitle: 'Sharing ended',
  endedText: 'Your dispatcher no longer receives your position.',
  endedUnconfirmed: 'This phone stopped sending, but Convoy could not be told yet.',
  shareAgain: 'Share again',
  retryStop: 'Tell Convoy again',
  denied: 'Location access is blocked for this page. Allow it in your browser’s site settings, then tap “Share again”.',
  unavailable: 'Your position is not available right now (no GPS signal?). Still trying…',
  unsupported: 'This browser cannot share its location. Use Telegram or a GPS app instead.',
  insecure: 'Location sharing needs a secure (https://) address. Ask your dispatcher.',
  sendFailed: 'Cannot reach Convoy right now. Your positions are kept and sent again automatically.',
  revokedTitle: 'This phone was disconnected',
  revokedText: 'Your dispatcher disconnected this device. Ask your dispatcher for a new link.',

  invalidTitle: 'This link does not work',
  invalidText: 'It is unknown, expired or already used. Ask your dispatcher for a new link.',
  unreachable: 'Cannot reach Convoy. Check your connection and try again.',
  tryAgain: 'Try again',
  actionFailed: 'That did not work. Try again in a moment.',

  setupTitle: 'Set up a GPS app',
  setupIntro: 'Pick your app and follow the steps. The app keeps sending while it runs in the background.',
  serverUrl: 'Server URL',
  deviceId: 'Device identifier',
  trackingUrl: 'Web address',
  owntracksUser: 'Username',
  owntracksPassword: 'Password',
  keySecret: 'The device identifier is your personal key: do not share it with anyone.',
  qrCaption: 'Scan in Traccar Client',
  qrAlt: 'QR code with the Traccar Client settings',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copying is blocked: select the text and copy it.',
  traccar: {
    intro: 'The free Traccar Client for Android and iPhone.',
    steps: [
      'Install “Traccar Client” from Google Play or the App Store and open it.',
      'Open the settings and scan the QR code — or type in the server URL and device identifier below.',
      'Set the location accuracy to “High”.',
      'Switch tracking on. Convoy receives your position from now on.',
    ],
  },
  osmand: {
    intro: 'OsmAnd’s “Trip recording” plugin can send your position to Convoy.',
    steps: [
      'In OsmAnd open Menu → Plugins and turn on “Trip recording”.',
      'Open the plugin’s settings → “Online tracking” and paste the web address below.',
      'Turn on online tracking, then start trip recording.',
    ],
  },
  gpslogger: {
    intro: 'GPSLogger for Android can log to a custom URL.',
    steps: [
      'Install “GPSLogger” (Google Play or F-Droid) and open it.',
      'Open Menu → Logging details → “Log to custom URL”, turn it on and paste the web address below (method GET).',
      'Start logging.',
    ],
  },
  owntracks: {
    intro: 'OwnTracks for Android and iPhone, in HTTP mode.',
    steps: [
      'Install “OwnTracks” and open its settings → Connection.',
      'Set the mode to HTTP and enter the web address below.',
      'Under identification enter the username and the password below (the password is your device key).',
      'Choose “Move” monitoring for regular positions.',
    ],
  },
};

const DE: JoinTexts = {
  title: 'Standort teilen',
  opening: 'Link wird geöffnet…',
  hello: (name) => `Hallo, ${name}`,
  intro: 'Ihre Disposition bittet Sie, während der Fahrt Ihren Standort zu teilen. Wählen Sie einen Weg; Sie können jederzeit aufhören.',
  telegramTitle: 'Telegram',
  telegramText: 'Teilen Sie Ihren Live-Standort im Telegram-Chat mit dem Convoy-Bot.',
  telegramButton: 'In Telegram öffnen',
  browserTitle: 'Dieser Browser',
  browserText: 'Nichts zu installieren. Funktioniert, solange diese Seite geöffnet bleibt.',
  browserButton: 'Aus diesem Browser teilen',
  appTitle: 'GPS-App',
  appText: 'Traccar Client, OsmAnd, GPSLogger oder OwnTracks senden auch im Hintergrund.',
  appButton: 'GPS-App einrichten',
  working: 'Einen Moment…',
  otherWays: 'Andere Wege zum Teilen',

  sharingTitle: 'Sie teilen Ihren Standort',
  sharingSince: (time) => `Geteilt seit ${time}`,
  lastSent: (time) => `zuletzt gesendet ${time}`,
  waitingForFirst: 'Warte auf die erste Position…',
  pending: (count) => (count === 1 ? '1 Position wartet auf das Senden' : `${count} Positionen warten auf das Senden`),
  keepOpen: 'Lassen Sie diese Seite geöffnet. Wenn Sie sie (oder den Browser) schließen, endet das Teilen.',
  screenOn: 'Der Bildschirm bleibt an, solange Sie teilen.',
  stop: 'Teilen beenden',
  stopping: 'Wird beendet…',
  endedTitle: 'Teilen beendet',
  endedText: 'Ihre Disposition erhält Ihren Standort nicht mehr.',
  endedUnconfirmed: 'Dieses Telefon sendet nicht mehr, aber Convoy konnte noch nicht benachrichtigt werden.',
  shareAgain: 'Wieder teilen',
  retryStop: 'Convoy erneut benachrichtigen',
  denied: 'Der Standortzugriff ist für diese Seite gesperrt. Erlauben Sie ihn in den Website-Einstellungen des Browsers und tippen Sie dann auf „Wieder teilen“.',
  unavailable: 'Ihre Position ist gerade nicht verfügbar (kein GPS-Signal?). Es wird weiter versucht…',
  unsupported: 'Dieser Browser kann keinen Standort teilen. Nutzen Sie Telegram oder eine GPS-App.',
  insecure: 'Standortfreigabe braucht eine sichere Adresse (https://). Fragen Sie Ihre Disposition.',
  sendFailed: 'Convoy ist gerade nicht erreichbar. Ihre Positionen werden aufbewahrt und automatisch erneut gesendet.',
  revokedTitle: 'Dieses Telefon wurde getrennt',
  revokedText: 'Ihre Disposition hat dieses Gerät getrennt. Bitten Sie Ihre Disposition um einen neuen Link.',

  invalidTitle: 'Dieser Link funktioniert nicht',
  invalidText: 'Er ist unbekannt, abgelaufen oder schon benutzt. Bitten Sie Ihre Disposition um einen neuen Link.',
  unreachable: 'Convoy ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  tryAgain: 'Erneut versuchen',
  actionFailed: 'Das hat nicht geklappt. Versuchen Sie es gleich noch einmal.',

  setupTitle: 'GPS-App einrichten',
  setupIntro: 'Wählen Sie Ihre App und folgen Sie den Schritten. Die App sendet weiter, während sie im Hintergrund läuft.',
  serverUrl: 'Server-URL',
  deviceId: 'Gerätekennung',
  trackingUrl: 'Webadresse',
  owntracksUser: 'Benutzername',
  owntracksPassword: 'Passwort',
  keySecret: 'Die Gerätekennung ist Ihr persönlicher Schlüssel: Geben Sie sie niemandem weiter.',
  qrCaption: 'In Traccar Client scannen',
  qrAlt: 'QR-Code mit den Einstellungen für Traccar Client',
  copy: 'Kopieren',
  copied: 'Kopiert',
  copyFailed: 'Kopieren ist blockiert: Markieren Sie den Text und kopieren Sie ihn.',
  traccar: {
    intro: 'Der kostenlose Traccar Client für Android und iPhone.',
    steps: [
      'Installieren Sie „Traccar Client“ aus Google Play oder dem App Store und öffnen Sie ihn.',
      'Öffnen Sie die Einstellungen und scannen Sie den QR-Code – oder geben Sie Server-URL und Gerätekennung von unten ein.',
      'Stellen Sie die Standortgenauigkeit auf „Hoch“.',
      'Schalten Sie das Tracking ein. Ab jetzt erhält Convoy Ihre Position.',
    ],
  },
  osmand: {
    intro: 'Das OsmAnd-Plugin „Fahrtaufzeichnung“ kann Ihre Position an Convoy senden.',
    steps: [
      'Öffnen Sie in OsmAnd Menü → Plugins und aktivieren Sie „Fahrtaufzeichnung“.',
      'Öffnen Sie die Plugin-Einstellungen → „Online-Tracking“ und fügen Sie die Webadresse von unten ein.',
      'Schalten Sie Online-Tracking ein und starten Sie die Aufzeichnung.',
    ],
  },
  gpslogger: {
    intro: 'GPSLogger für Android kann an eine eigene URL senden.',
    steps: [
      'Installieren Sie „GPSLogger“ (Google Play oder F-Droid) und öffnen Sie es.',
      'Öffnen Sie Menü → Logging-Details → „Log to custom URL“, schalten Sie es ein und fügen Sie die Webadresse von unten ein (Methode GET).',
      'Starten Sie die Aufzeichnung.',
    ],
  },
  owntracks: {
    intro: 'OwnTracks für Android und iPhone, im HTTP-Modus.',
    steps: [
      'Installieren Sie „OwnTracks“ und öffnen Sie Einstellungen → Verbindung.',
      'Stellen Sie den Modus auf HTTP und geben Sie die Webadresse von unten ein.',
      'Geben Sie unter Identifikation den Benutzernamen und das Passwort von unten ein (das Passwort ist Ihr Geräteschlüssel).',
      'Wählen Sie die Überwachung „Bewegung“ für regelmäßige Positionen.',
    ],
  },
};

const RU: JoinTexts = {
  title: 'Поделиться местоположением',
  opening: 'Открываем ссылку…',
  hello: (name) => `Здравствуйте, ${name}`,
  intro: 'Диспетчер просит вас делиться местоположением во время поездки. Выберите способ; остановиться можно в любой момент.',
  telegramTitle: 'Telegram',
  telegramText: 'Делитесь геопозицией в реальном времени в чате с ботом Convoy.',
  telegramButton: 'Открыть в Telegram',
  browserTitle: 'Этот браузер',
  browserText: 'Ничего не нужно устанавливать. Работает, пока эта страница открыта.',
  browserButton: 'Делиться из браузера',
  appTitle: 'GPS-приложение',
  appText: 'Traccar Client, OsmAnd, GPSLogger или OwnTracks отправляют данные и в фоне.',
  appButton: 'Настроить GPS-приложение',
  working: 'Минуту…',
  otherWays: 'Другие способы',

  sharingTitle: 'Вы делитесь местоположением',
  sharingSince: (time) => `Передача с ${time}`,
  lastSent: (time) => `последняя отправка ${time}`,
  waitingForFirst: 'Ждём первую позицию…',
  pending: (count) => `Ожидают отправки: ${count}`,
  keepOpen: 'Не закрывайте эту страницу. Если закрыть её (или браузер), передача прекратится.',
  screenOn: 'Пока идёт передача, экран не гаснет.',
  stop: 'Остановить',
  stopping: 'Останавливаем…',
  endedTitle: 'Передача остановлена',
  endedText: 'Диспетчер больше не получает ваше местоположение.',
  endedUnconfirmed: 'Телефон больше не отправляет данные, но сообщить Convoy пока не удалось.',
  shareAgain: 'Делиться снова',
  retryStop: 'Сообщить Convoy ещё раз',
  denied: 'Доступ к геопозиции для этой страницы запрещён. Разрешите его в настройках сайта в браузере и нажмите «Делиться снова».',
  unavailable: 'Сейчас позиция недоступна (нет сигнала GPS?). Продолжаем попытки…',
  unsupported: 'Этот браузер не умеет передавать местоположение. Используйте Telegram или GPS-приложение.',
  insecure: 'Для передачи местоположения нужен защищённый адрес (https://). Обратитесь к диспетчеру.',
  sendFailed: 'Convoy сейчас недоступен. Позиции сохранены и будут отправлены автоматически.',
  revokedTitle: 'Этот телефон отключён',
  revokedText: 'Диспетчер отключил это устройство. Попросите у диспетчера новую ссылку.',

  invalidTitle: 'Ссылка не работает',
  invalidText: 'Она неизвестна, истекла или уже использована. Попросите у диспетчера новую ссылку.',
  unreachable: 'Нет связи с Convoy. Проверьте подключение и попробуйте ещё раз.',
  tryAgain: 'Попробовать ещё раз',
  actionFailed: 'Не получилось. Попробуйте ещё раз чуть позже.',

  setupTitle: 'Настройка GPS-приложения',
  setupIntro: 'Выберите приложение и выполните шаги. Приложение продолжает отправку в фоновом режиме.',
  serverUrl: 'Адрес сервера',
  deviceId: 'Идентификатор устройства',
  trackingUrl: 'Веб-адрес',
  owntracksUser: 'Имя пользователя',
  owntracksPassword: 'Пароль',
  keySecret: 'Идентификатор устройства — ваш личный ключ: никому его не передавайте.',
  qrCaption: 'Отсканируйте в Traccar Client',
  qrAlt: 'QR-код с настройками для Traccar Client',
  copy: 'Копировать',
  copied: 'Скопировано',
  copyFailed: 'Копирование запрещено: выделите текст и скопируйте его.',
  traccar: {
    intro: 'Бесплатный Traccar Client для Android и iPhone.',
    steps: [
      'Установите «Traccar Client» из Google Play или App Store и откройте его.',
      'Откройте настройки и отсканируйте QR-код — или введите адрес сервера и идентификатор устройства ниже.',
      'Установите точность определения местоположения «Высокая».',
      'Включите отслеживание. С этого момента Convoy получает вашу позицию.',
    ],
  },
  osmand: {
    intro: 'Плагин OsmAnd «Запись поездки» умеет отправлять позицию в Convoy.',
    steps: [
      'В OsmAnd откройте Меню → Плагины и включите «Запись поездки».',
      'Откройте настройки плагина → «Онлайн-отслеживание» и вставьте веб-адрес ниже.',
      'Включите онлайн-отслеживание и начните запись поездки.',
    ],
  },
  gpslogger: {
    intro: 'GPSLogger для Android умеет отправлять данные на свой URL.',
    steps: [
      'Установите «GPSLogger» (Google Play или F-Droid) и откройте его.',
      'Откройте Меню → Logging details → «Log to custom URL», включите и вставьте веб-адрес ниже (метод GET).',
      'Начните запись.',
    ],
  },
  owntracks: {
    intro: 'OwnTracks для Android и iPhone, в режиме HTTP.',
    steps: [
      'Установите «OwnTracks» и откройте настройки → Соединение.',
      'Выберите режим HTTP и введите веб-адрес ниже.',
      'В разделе идентификации введите имя пользователя и пароль ниже (пароль — ключ вашего устройства).',
      'Выберите режим мониторинга «Движение» для регулярных позиций.',
    ],
  },
};

export const JOIN_TEXTS: Readonly<Record<JoinLanguage, JoinTexts>> = { en: EN, de: DE, ru: RU };

/** The first of the browser's languages we have a translation for (`de-AT` → de), else English. */
export function pickLanguage(preferred: readonly string[]): JoinLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/, 1)[0];
    const match = JOIN_LANGUAGES.find((language) => language === base);
    if (match) return match;
  }
  return 'en';
}
