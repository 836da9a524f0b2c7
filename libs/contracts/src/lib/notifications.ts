import type { ConvoyEventType } from './events';
import type { PlaceKind } from './places';

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
  channels: AlertChannel[];
  quietHours: QuietHours | null;
  createdAt: string;
  updatedAt: string;
}

export type CreateAlertRuleRequest = Omit<AlertRuleDto, 'id' | 'createdAt' | 'updatedAt' | 'enabled' | 'placeIds' | 'placeKinds' | 'driverIds' | 'quietHours'> & {
  enabled?: boolean;
  placeIds?: string[] | null;
  placeKinds?: PlaceKind[] | null;
  driverIds?: string[] | null;
  quietHours?: QuietHours | null;
};
export type UpdateAlertRuleRequest = Partial<CreateAlertRuleRequest>;

/** One entry of a user's notifications inbox (the dashboard channel). */
export interface NotificationDto {
  id: string;
  eventId: string;
  type: ConvoyEventType;
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
}
