import type { ConvoyEventType } from './events';
import type { PlaceKind } from './places';
import type { Role } from './roles';

/** Where an alert reaches a person. */
export const ALERT_CHANNELS = ['dashboard', 'telegram', 'email'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** No alerts (except the dashboard inbox, which still records them) between `start` and `end`, local time. */
export interface QuietHours {
  /** "HH:MM" */
  start: string;
  /** "HH:MM"; earlier than `start` = over midnight. */
  end: string;
  /** IANA zone; default TIME_ZONE. */
  timeZone: string;
}

/** GET/POST /api/alert-rules, PATCH/DELETE /api/alert-rules/:id (dispatcher+). */
export interface AlertRuleDto {
  id: string;
  name: string;
  enabled: boolean;
  events: ConvoyEventType[];
  /** Only events at these places (visits); null = any place / not filtered. */
  placeIds: string[] | null;
  /** Only events at places of these kinds (visits); null = any kind. */
  placeKinds: PlaceKind[] | null;
  /** Only these drivers; null = every driver. */
  driverIds: string[] | null;
  /** Users who receive the alert. */
  recipientUserIds: string[];
  /** Also every active user with one of these roles (at the time of the event); the install defaults use admin + dispatcher. */
  recipientRoles: Role[];
  channels: AlertChannel[];
  quietHours: QuietHours | null;
  createdAt: string;
  updatedAt: string;
}

export type CreateAlertRuleRequest = Omit<
  AlertRuleDto,
  'id' | 'createdAt' | 'updatedAt' | 'enabled' | 'placeIds' | 'placeKinds' | 'driverIds' | 'quietHours' | 'recipientUserIds' | 'recipientRoles'
> & {
  enabled?: boolean;
  /** At least one recipient in total: users and/or roles. */
  recipientUserIds?: string[];
  recipientRoles?: Role[];
  placeIds?: string[] | null;
  placeKinds?: PlaceKind[] | null;
  driverIds?: string[] | null;
  /** `timeZone` may be left out: TIME_ZONE. */
  quietHours?: (Omit<QuietHours, 'timeZone'> & { timeZone?: string }) | null;
};
export type UpdateAlertRuleRequest = Partial<CreateAlertRuleRequest>;

/** What an inbox entry is about: a fleet event, or a notice to admins (`AdminNotices`, e.g. a webhook disabled). */
export type NotificationType = ConvoyEventType | 'admin.notice';

/** One entry of a user's notifications inbox (the dashboard channel). */
export interface NotificationDto {
  id: string;
  /** The event's id (the dedupe key); for an admin notice, the notice's own id. */
  eventId: string;
  type: NotificationType;
  /** Rendered for the user, e.g. "Aziz arrived at Depot North". */
  title: string;
  /** e.g. "08:31 · stayed 24 min"; may be empty. */
  body: string;
  occurredAt: string;
  createdAt: string;
  readAt: string | null;
  /** What the entry links to. */
  driverId: string | null;
  placeId: string | null;
  /** Dashboard route of an admin notice (e.g. `/webhooks/<id>`); null for fleet events (use driverId/placeId). */
  link: string | null;
}

/** POST /api/notifications/read-all */
export interface NotificationsReadDto {
  /** How many entries were marked read. */
  marked: number;
  unread: number;
}

/** GET /api/notifications?unread=true&limit&before */
export interface NotificationListDto {
  notifications: NotificationDto[];
  /** All unread of this user, not only those in the page. */
  unread: number;
}

/** POST /api/me/telegram-link: open `url` in Telegram to link the signed-in user's own chat. */
export interface TelegramLinkDto {
  /** `https://t.me/<bot>?start=<one-time code>`; the code is told apart from a driver link's token. */
  url: string;
  expiresAt: string;
}

/** GET /api/me/telegram (DELETE unlinks). */
export interface MyTelegramDto {
  linked: boolean;
  username: string | null;
  firstName: string | null;
  /** Set by `/mute 1h` in the chat; null = not muted. */
  mutedUntil: string | null;
  /** False when TELEGRAM_BOT_TOKEN / TELEGRAM_BOT_USERNAME are missing: no link can be made. */
  available: boolean;
}
