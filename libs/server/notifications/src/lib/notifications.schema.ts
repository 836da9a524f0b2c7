import { AlertRuleEntity } from './entities/alert-rule.entity';
import { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
import { NotificationEntity } from './entities/notification.entity';
import { TelegramLinkCodeEntity } from './entities/telegram-link-code.entity';
import { UserTelegramChatEntity } from './entities/user-telegram-chat.entity';
import { CreateNotifications1795850000000 } from './migrations/1795850000000-CreateNotifications';

export const NOTIFICATIONS_ENTITIES = [AlertRuleEntity, NotificationEntity, NotificationDeliveryEntity, UserTelegramChatEntity, TelegramLinkCodeEntity];
export const NOTIFICATIONS_MIGRATIONS = [CreateNotifications1795850000000];
