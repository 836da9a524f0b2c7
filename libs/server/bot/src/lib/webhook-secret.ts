import { createHmac } from 'node:crypto';
import type { AppConfig } from '@convoy/server/config';

/**
 * The `secret_token` Telegram sends in X-Telegram-Bot-Api-Secret-Token: TELEGRAM_WEBHOOK_SECRET, or
 * derived from APP_SECRET (else the bot token) so every replica computes the same value.
 */
export function webhookSecret(config: AppConfig): string {
  if (config.telegram.webhookSecret) return config.telegram.webhookSecret;
  const key = config.appSecret ?? config.telegram.botToken ?? '';
  return createHmac('sha256', key).update('convoy:telegram-webhook').digest('base64url');
}
