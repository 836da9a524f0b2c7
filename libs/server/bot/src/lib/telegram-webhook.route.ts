import { timingSafeEqual } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@convoy/server/config';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { webhookSecret } from './webhook-secret';

export const WEBHOOK_PATH = 'telegram/webhook';
/** Telegram updates are a few KiB; a message with a long caption stays far below this. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Fastify options for the webhook route, set as Nest registers it: its own body limit (413 above
 * 64 KiB, instead of the app's 1 MiB) and the secret header checked in `onRequest`, before any body
 * byte is read or parsed — a caller without the secret gets 403 and costs no JSON parsing.
 * Call before `app.init()`/`listen()`.
 */
export function protectWebhookRoute(fastify: FastifyInstance, config: AppConfig): void {
  const logger = new Logger('TelegramWebhook');
  const secret = Buffer.from(webhookSecret(config));
  const path = `/${WEBHOOK_PATH}`;
  const checkSecret = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const header = request.headers['x-telegram-bot-api-secret-token'];
    const given = Buffer.from(typeof header === 'string' ? header : '');
    if (given.length === secret.length && timingSafeEqual(given, secret)) return done();
    // this route has no request log (one request per position): refusals are logged here
    logger.warn(`Refused a webhook call from ${request.ip}: wrong or missing secret header`);
    void reply
      .code(403)
      .header('connection', 'close') // the unread body is not worth reading
      .send({ statusCode: 403, error: 'Forbidden', message: 'Wrong or missing X-Telegram-Bot-Api-Secret-Token' });
  };
  fastify.addHook('onRoute', (route) => {
    if (route.url !== path || route.method !== 'POST') return;
    route.bodyLimit = WEBHOOK_BODY_LIMIT_BYTES;
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [checkSecret, ...existing] as typeof route.onRequest;
  });
}
