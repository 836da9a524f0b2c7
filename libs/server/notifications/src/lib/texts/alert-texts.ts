import type { ConvoyEvent, ConvoyEventData, SharingEndReason } from '@convoy/contracts';
import { dateTimeFormat } from '@convoy/server/config';

/** An alert as a person reads it: "Aziz arrived at Depot North" / "08:31 · stayed 24 min". */
export interface AlertText {
  title: string;
  body: string;
}

/** Every alert text, per language (the bot's languages: en, de, ru; English when there is none). */
interface AlertCatalogue {
  minutes: (n: number) => string;
  hoursMinutes: (h: number, m: number) => string;
  joined: (name: string) => string;
  sharingStarted: (name: string) => string;
  sharingUntil: (clock: string) => string;
  sharingEnded: (name: string) => string;
  endReason: Record<SharingEndReason, string>;
  wentQuiet: (name: string) => string;
  quietFor: (duration: string) => string;
  lastSeen: (clock: string) => string;
  back: (name: string) => string;
  wasQuiet: (duration: string) => string;
  arrived: (name: string, place: string) => string;
  departed: (name: string, place: string) => string;
  stayed: (duration: string) => string;
  speeding: (name: string, kmh: number) => string;
  speedLimit: (max: number, limit: number) => string;
  messageReceived: (name: string) => string;
  messageDelivered: (name: string) => string;
}

const en: AlertCatalogue = {
  minutes: (n) => `${n} min`,
  hoursMinutes: (h, m) => (m ? `${h} h ${m} min` : `${h} h`),
  joined: (name) => `${name} joined`,
  sharingStarted: (name) => `${name} started sharing`,
  sharingUntil: (clock) => `until ${clock}`,
  sharingEnded: (name) => `${name} stopped sharing`,
  endReason: { stopped: 'stopped by the driver', expired: 'live location ran out', 'device-disconnected': 'device disconnected', erased: 'driver erased' },
  wentQuiet: (name) => `${name} went quiet`,
  quietFor: (duration) => `no position for ${duration}`,
  lastSeen: (clock) => `last seen ${clock}`,
  back: (name) => `${name} is back`,
  wasQuiet: (duration) => `quiet for ${duration}`,
  arrived: (name, place) => `${name} arrived at ${place}`,
  departed: (name, place) => `${name} left ${place}`,
  stayed: (duration) => `stayed ${duration}`,
  speeding: (name, kmh) => `${name} is speeding: ${kmh} km/h`,
  speedLimit: (max, limit) => `max ${max} km/h, limit ${limit} km/h`,
  messageReceived: (name) => `Message from ${name}`,
  messageDelivered: (name) => `Message delivered to ${name}`,
};

const de: AlertCatalogue = {
  minutes: (n) => `${n} Min.`,
  hoursMinutes: (h, m) => (m ? `${h} Std. ${m} Min.` : `${h} Std.`),
  joined: (name) => `${name} ist dabei`,
  sharingStarted: (name) => `${name} teilt den Standort`,
  sharingUntil: (clock) => `bis ${clock}`,
  sharingEnded: (name) => `${name} teilt nicht mehr`,
  endReason: {
    stopped: 'vom Fahrer beendet',
    expired: 'Live-Standort abgelaufen',
    'device-disconnected': 'Gerät getrennt',
    erased: 'Fahrer gelöscht',
  },
  wentQuiet: (name) => `${name} meldet sich nicht`,
  quietFor: (duration) => `seit ${duration} keine Position`,
  lastSeen: (clock) => `zuletzt ${clock}`,
  back: (name) => `${name} meldet sich wieder`,
  wasQuiet: (duration) => `${duration} ohne Position`,
  arrived: (name, place) => `${name} ist bei ${place} angekommen`,
  departed: (name, place) => `${name} hat ${place} verlassen`,
  stayed: (duration) => `${duration} geblieben`,
  speeding: (name, kmh) => `${name} fährt zu schnell: ${kmh} km/h`,
  speedLimit: (max, limit) => `max. ${max} km/h, Grenze ${limit} km/h`,
  messageReceived: (name) => `Nachricht von ${name}`,
  messageDelivered: (name) => `Nachricht an ${name} zugestellt`,
};

const ru: AlertCatalogue = {
  minutes: (n) => `${n} мин`,
  hoursMinutes: (h, m) => (m ? `${h} ч ${m} мин` : `${h} ч`),
  joined: (name) => `${name} подключился`,
  sharingStarted: (name) => `${name} начал делиться геопозицией`,
  sharingUntil: (clock) => `до ${clock}`,
  sharingEnded: (name) => `${name} перестал делиться геопозицией`,
  endReason: {
    stopped: 'остановлено водителем',
    expired: 'трансляция истекла',
    'device-disconnected': 'устройство отключено',
    erased: 'водитель удалён',
  },
  wentQuiet: (name) => `${name} не выходит на связь`,
  quietFor: (duration) => `нет позиции ${duration}`,
  lastSeen: (clock) => `последний раз ${clock}`,
  back: (name) => `${name} снова на связи`,
  wasQuiet: (duration) => `не было связи ${duration}`,
  arrived: (name, place) => `${name} прибыл: ${place}`,
  departed: (name, place) => `${name} уехал: ${place}`,
  stayed: (duration) => `пробыл ${duration}`,
  speeding: (name, kmh) => `${name} превышает скорость: ${kmh} км/ч`,
  speedLimit: (max, limit) => `макс. ${max} км/ч, предел ${limit} км/ч`,
  messageReceived: (name) => `Сообщение от ${name}`,
  messageDelivered: (name) => `Сообщение доставлено: ${name}`,
};

const CATALOGUE: Record<string, AlertCatalogue> = { en, de, ru };
export const ALERT_LANGUAGES = Object.keys(CATALOGUE);

function catalogueFor(languageCode: string | null | undefined): AlertCatalogue {
  return CATALOGUE[(languageCode ?? '').toLowerCase().split(/[-_]/)[0]] ?? en;
}

/** "08:31": 24-hour, in the fleet's zone (TIME_ZONE), like the bot's replies. */
export function clockIn(date: Date | string, timeZone: string): string {
  return dateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(date));
}

function duration(t: AlertCatalogue, seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes < 60 ? t.minutes(minutes) : t.hoursMinutes(Math.floor(minutes / 60), minutes % 60);
}

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

/** The text of one event for one reader (language) in the fleet's time zone. */
export function renderAlert(event: ConvoyEvent, options: { languageCode?: string | null; timeZone: string }): AlertText {
  const t = catalogueFor(options.languageCode);
  const clock = (date: Date | string) => clockIn(date, options.timeZone);
  const at = clock(event.occurredAt);
  switch (event.type) {
    case 'driver.joined':
      return { title: t.joined(event.data.driver.name), body: join(at, event.data.channel) };
    case 'driver.sharing_started': {
      const data: ConvoyEventData['driver.sharing_started'] = event.data;
      return { title: t.sharingStarted(data.driver.name), body: join(at, data.liveUntil ? t.sharingUntil(clock(data.liveUntil)) : null) };
    }
    case 'driver.sharing_ended':
      return { title: t.sharingEnded(event.data.driver.name), body: join(at, t.endReason[event.data.reason]) };
    case 'driver.went_quiet':
      return {
        title: t.wentQuiet(event.data.driver.name),
        body: join(at, t.quietFor(duration(t, event.data.quietMinutes * 60)), event.data.lastPositionAt ? t.lastSeen(clock(event.data.lastPositionAt)) : null),
      };
    case 'driver.back':
      return { title: t.back(event.data.driver.name), body: join(at, t.wasQuiet(duration(t, event.data.quietSeconds))) };
    case 'visit.arrived':
      return { title: t.arrived(event.data.driver.name, event.data.place.name), body: clock(event.data.arrivedAt) };
    case 'visit.departed':
      return {
        title: t.departed(event.data.driver.name, event.data.place.name),
        body: join(clock(event.data.departedAt), t.stayed(duration(t, event.data.dwellSeconds))),
      };
    case 'driver.speeding':
      return {
        title: t.speeding(event.data.driver.name, Math.round(event.data.speedKmh)),
        body: join(clock(event.data.since), t.speedLimit(Math.round(event.data.maxSpeedKmh), Math.round(event.data.thresholdKmh))),
      };
    case 'message.received':
      return { title: t.messageReceived(event.data.driver.name), body: truncate(event.data.quickReply ?? event.data.text, 500) };
    case 'message.delivered':
      return { title: t.messageDelivered(event.data.driver.name), body: truncate(event.data.text, 500) };
  }
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** One Telegram / email message: the title, then the body on its own line. */
export function asMessage(text: AlertText): string {
  return text.body ? `${text.title}\n${text.body}` : text.title;
}
