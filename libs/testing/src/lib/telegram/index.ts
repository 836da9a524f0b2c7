export * from './bot-api-double';
export { BotApiError, type BotApiErrorBody, type BotApiErrorParameters } from './bot-api-error';
export type { BotApiParams, UploadedFile } from './bot-api-request';
export { parseFormattedText, type FormattedText } from './formatted-text';
export { FakeTelegramClock, systemTelegramClock, type TelegramClock } from './telegram-clock';
export * from './telegram-updates';
export { DEFAULT_WEBHOOK_RETRY, type DeliveryAttempt, type WebhookConfig, type WebhookResponse, type WebhookRetryPolicy } from './webhook-dispatcher';
