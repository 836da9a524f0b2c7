import Fastify, { type FastifyInstance } from 'fastify';
import { registerWebhookRoute, WEBHOOK_BODY_LIMIT_BYTES } from './telegram-webhook.route';

const SECRET = 'webhook-secret-of-this-deployment';
const update = { update_id: 10, edited_message: { message_id: 1 } };

async function serve(handle: (update: unknown) => Promise<void> = async () => undefined) {
  const fastify = Fastify({ bodyLimit: 1024 * 1024 });
  const logger = { warn: jest.fn(), error: jest.fn() };
  const answered: Array<{ route: string | undefined; status: number }> = [];
  // what the API's metrics do: an instance hook, which applies to this route like to Nest's
  fastify.addHook('onResponse', (request, reply, done) => {
    answered.push({ route: request.routeOptions.url, status: reply.statusCode });
    done();
  });
  const handler = jest.fn(handle);
  registerWebhookRoute(fastify, { secret: SECRET, handle: handler, logger });
  await fastify.ready();
  return { fastify, logger, handler, answered };
}

const post = (fastify: FastifyInstance, body: unknown, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }) =>
  fastify.inject({ method: 'POST', url: '/telegram/webhook', headers: { 'content-type': 'application/json', ...headers }, payload: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /telegram/webhook (plain Fastify route)', () => {
  it('answers 200 {} only after the update was handled', async () => {
    let release = () => undefined as void;
    let entered = () => undefined as void;
    const handling = new Promise<void>((resolve) => (entered = resolve));
    const { fastify, handler, answered } = await serve(() => new Promise<void>((resolve) => ((release = resolve), entered())));
    let settled = false;
    const answer = post(fastify, update).then((a) => ((settled = true), a));
    // the handler is running (however long a loaded machine took to get there) and holds the answer
    await handling;
    await new Promise((r) => setImmediate(r));
    expect(handler).toHaveBeenCalledWith(update);
    expect(settled).toBe(false);
    release();
    const response = await answer;
    expect([response.statusCode, response.body]).toEqual([200, '{}']);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answered).toEqual([{ route: '/telegram/webhook', status: 200 }]);
  });

  it.each([
    ['a wrong secret', { 'x-telegram-bot-api-secret-token': 'guess' }],
    ['a secret of the same length', { 'x-telegram-bot-api-secret-token': SECRET.replace(/.$/, 'X') }],
    ['no secret header', {} as Record<string, string>],
  ])('refuses %s with 403 and Connection: close, handling nothing', async (_what, headers) => {
    const { fastify, handler, logger } = await serve();
    const response = await post(fastify, update, headers);
    expect(response.statusCode).toBe(403);
    expect(response.headers['connection']).toBe('close');
    expect(response.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Wrong or missing X-Telegram-Bot-Api-Secret-Token' });
    expect(handler).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('wrong or missing secret header'));
  });

  it('checks the secret before the body: 403, not 413, to a wrong secret over the limit', async () => {
    const { fastify } = await serve();
    const huge = JSON.stringify({ update_id: 1, pad: 'x'.repeat(WEBHOOK_BODY_LIMIT_BYTES) });
    expect((await post(fastify, huge, { 'x-telegram-bot-api-secret-token': 'guess' })).statusCode).toBe(403);
  });

  it('limits the body to 64 KiB (413), below the instance-wide limit', async () => {
    const { fastify, handler } = await serve();
    const body = (size: number) => {
      const shell = JSON.stringify({ update_id: 1, pad: '' });
      return JSON.stringify({ update_id: 1, pad: 'x'.repeat(size - shell.length) });
    };
    expect((await post(fastify, body(WEBHOOK_BODY_LIMIT_BYTES + 1))).statusCode).toBe(413);
    expect(handler).not.toHaveBeenCalled();
    expect((await post(fastify, body(WEBHOOK_BODY_LIMIT_BYTES))).statusCode).toBe(200);
  });

  it.each([
    ['an object without update_id', { hello: 'world' }],
    ['an array', [1, 2, 3]],
    ['a fractional update_id', { update_id: 1.5 }],
    ['null', null],
  ])('answers 400 to %s, handling nothing', async (_what, body) => {
    const { fastify, handler, logger } = await serve();
    const response = await post(fastify, body);
    expect([response.statusCode, response.json()]).toEqual([400, { message: 'Not a Telegram update', error: 'Bad Request', statusCode: 400 }]);
    expect(handler).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('not a Telegram update'));
  });

  it('answers 400 to a body that is not JSON', async () => {
    const { fastify, handler } = await serve();
    expect((await post(fastify, '{"update_id": 1, "message": ')).statusCode).toBe(400);
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 500 when handling failed (storage down), so Telegram delivers the update again', async () => {
    const { fastify, logger } = await serve(() => Promise.reject(new Error('connection terminated')));
    const response = await post(fastify, update);
    expect([response.statusCode, response.json()]).toEqual([500, { statusCode: 500, message: 'Internal server error' }]);
    expect(logger.error).toHaveBeenCalledWith('Update 10 failed, Telegram will retry: connection terminated');
  });
});
