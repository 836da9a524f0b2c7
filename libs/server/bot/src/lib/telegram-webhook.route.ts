import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const WEBHOOK_PATH = 'telegram/webhook';
/** Telegram updates are a few KiB; a message with a long caption stays far below this. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

/** What the route needs from the bot: handle one update (resolves once its position is committed). */
export interface WebhookRouteOptions {
  /** the `secret_token` Telegram sends in X-Telegram-Bot-Api-Secret-Token */
  secret: string;
  handle(update: Record<string, unknown> & { update_id: number }): Promise<void>;
  logger: { warn(message: string): void; error(message: string): void };
}

const NOT_AN_UPDATE = JSON.stringify({ message: 'Not a Telegram update', error: 'Bad Request', statusCode: 400 });
const FORBIDDEN = JSON.stringify({ statusCode: 403, error: 'Forbidden', message: 'Wrong or missing X-Telegram-Bot-Api-Secret-Token' });
const FAILED = JSON.stringify({ statusCode: 500, message: 'Internal server error' });
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * `POST /telegram/webhook` as a plain Fastify route beside Nest (one request per position: Nest's
 * router, guards, interceptors and exception zone cost more than the rest of the route). Answers as
 * the Nest controller did: 403 without the secret header (checked in `onRequest`, before any body
 * byte is read; `Connection: close`), 413 above 64 KiB (the route's own `bodyLimit`), 400 for a body
 * that is not an update, 200 `{}` only after the update was handled — its position committed — and
 * 500 when that failed, so Telegram delivers it again. Hooks on the instance (request id, metrics,
 * the drain's `Connection: close`) apply as to every route. Call before the app is ready.
 */
export function registerWebhookRoute(fastify: FastifyInstance, options: WebhookRouteOptions): void {
  const { logger, handle } = options;
  const secret = Buffer.from(options.secret);
  const checkSecret = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const header = request.headers['x-telegram-bot-api-secret-token'];
    if (typeof header === 'string' && header.length === options.secret.length) {
      const given = Buffer.from(header);
      if (given.length === secret.length && timingSafeEqual(given, secret)) return done();
    }
    // this route has no request log (one request per position): refusals are logged here
    logger.warn(`Refused a webhook call from ${request.ip}: wrong or missing secret header`);
    void reply
      .code(403)
      .header('connection', 'close') // the unread body is not worth reading
      .type(JSON_TYPE)
      .send(FORBIDDEN);
  };
  fastify.route({
    method: 'POST',
    url: `/${WEBHOOK_PATH}`,
    bodyLimit: WEBHOOK_BODY_LIMIT_BYTES,
    onRequest: checkSecret,
    handler: async (request, reply) => {
      const update = request.body as (Record<string, unknown> & { update_id: number }) | null | undefined;
      if (!update || typeof update !== 'object' || Array.isArray(update) || !Number.isSafeInteger(update.update_id)) {
        logger.warn(`Refused a webhook call from ${request.ip}: the body is not a Telegram update`);
        return reply.code(400).type(JSON_TYPE).send(NOT_AN_UPDATE);
      }
      try {
        await handle(update);
      } catch (error) {
        logger.error(`Update ${update.update_id} failed, Telegram will retry: ${(error as Error).message}`);
        return reply.code(500).type(JSON_TYPE).send(FAILED);
      }
      return reply.type(JSON_TYPE).send('{}');
    },
  });
}
