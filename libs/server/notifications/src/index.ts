export * from './lib/notifications.module';
export * from './lib/notifications.schema';
export * from './lib/notifications.errors';
export * from './lib/inbox/notifications-feed';
export * from './lib/delivery/delivery-transports';
export { DeliveryWorker } from './lib/delivery/delivery-worker';
export { TelegramAccountsService, isUserLinkCode, type LinkOutcome, type TelegramAccountIdentity } from './lib/telegram/telegram-accounts.service';
export { parseMuteDuration } from './lib/telegram/mute-duration';
export { ALERT_LANGUAGES } from './lib/texts/alert-texts';
