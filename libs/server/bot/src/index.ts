export * from './lib/bot.module';
export * from './lib/bot-status';
export * from './lib/messages/catalogue';
export { WEBHOOK_PATH } from './lib/telegram-webhook.controller';
