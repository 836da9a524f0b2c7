import { TelegramError } from 'telegraf';
import { toDeliveryError } from './telegram-alert.transport';

describe('toDeliveryError', () => {
  const botApi = (error_code: number, description: string, retry_after?: number) =>
    new TelegramError({ error_code, description, parameters: retry_after ? { retry_after } : undefined });

  it('gives up and unlinks when the user blocked the bot (403)', () => {
    expect(toDeliveryError(botApi(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({ kind: 'blocked' });
  });

  it('retries on 429 after retry_after, on 5xx and on network errors', () => {
    expect(toDeliveryError(botApi(429, 'Too Many Requests', 7))).toMatchObject({ kind: 'transient', retryAfterMs: 7000 });
    expect(toDeliveryError(botApi(502, 'Bad Gateway'))).toMatchObject({ kind: 'transient' });
    expect(toDeliveryError(new Error('socket hang up'))).toMatchObject({ kind: 'transient' });
  });

  it('never retries what cannot work (chat not found)', () => {
    expect(toDeliveryError(botApi(400, 'Bad Request: chat not found'))).toMatchObject({ kind: 'permanent' });
  });
});
