import { TelegramError } from 'telegraf';
import { frameDispatchMessage, isQuickReplyCallback, parseQuickReplyCallback, quickReplyKeyboard } from './dispatch-format';
import { classifySendError } from './telegram-message-sender';

const ID = '0b6f3c52-6a43-4c1e-9d0e-5a2a7a9f4c10';

describe('a dispatcher message as the driver reads it', () => {
  it('is framed with the sender in the driver’s language', () => {
    expect(frameDispatchMessage('en', 'anna', 'Gate 4 please')).toBe('📨 Dispatch (anna): Gate 4 please');
    expect(frameDispatchMessage('de-AT', 'anna', 'Tor 4 bitte')).toBe('📨 Disposition (anna): Tor 4 bitte');
    expect(frameDispatchMessage('ru', 'anna', 'Ворота 4')).toBe('📨 Диспетчер (anna): Ворота 4');
  });

  it('falls back to English, and leaves the name out when there is none', () => {
    expect(frameDispatchMessage('pt-BR', 'anna', 'Hi')).toBe('📨 Dispatch (anna): Hi');
    expect(frameDispatchMessage(null, null, 'Hi')).toBe('📨 Dispatch: Hi');
  });
});

describe('the quick-reply keyboard', () => {
  it('puts short labels two a row, each button naming the message and its option', () => {
    expect(quickReplyKeyboard(ID, ['On my way', 'Arrived', 'Delayed'])).toEqual([
      [
        { text: 'On my way', data: `msg:${ID}:0` },
        { text: 'Arrived', data: `msg:${ID}:1` },
      ],
      [{ text: 'Delayed', data: `msg:${ID}:2` }],
    ]);
  });

  it('puts long labels one a row, and is empty without quick replies', () => {
    expect(quickReplyKeyboard(ID, ['Stuck in traffic on the A9', 'OK']).map((row) => row.length)).toEqual([1, 1]);
    expect(quickReplyKeyboard(ID, [])).toEqual([]);
  });

  it('keeps callback data within Telegram’s 64 bytes', () => {
    for (const row of quickReplyKeyboard(ID, ['a', 'b', 'c', 'd', 'e', 'f'])) for (const b of row) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
  });
});

describe('a tap on a quick reply', () => {
  it('is read back as the message and the option', () => {
    expect(parseQuickReplyCallback(`msg:${ID}:2`)).toEqual({ messageId: ID, option: 2 });
    expect(isQuickReplyCallback(`msg:${ID}:2`)).toBe(true);
  });

  it('is null for other buttons and for malformed data', () => {
    for (const data of [null, `erase:confirm:${ID}`, `msg:${ID}`, `msg:${ID}:x`, `msg:not-a-uuid:1`, `msg:${ID}:12`]) expect(parseQuickReplyCallback(data)).toBeNull();
    expect(isQuickReplyCallback(`erase:confirm:${ID}`)).toBe(false);
  });
});

describe('what a failed send means', () => {
  const telegramError = (error_code: number, description: string, retry_after?: number) =>
    new TelegramError({ error_code, description, parameters: retry_after ? { retry_after } : undefined });

  it('is final for a blocked bot or a vanished chat', () => {
    expect(classifySendError(telegramError(403, 'Forbidden: bot was blocked by the user'))).toEqual({ kind: 'rejected', error: expect.stringContaining('blocked the bot') });
    expect(classifySendError(telegramError(400, 'Bad Request: chat not found'))).toEqual({ kind: 'rejected', error: expect.stringContaining('no longer exists') });
  });

  it('is retried for rate limits, server errors and network failures', () => {
    expect(classifySendError(telegramError(429, 'Too Many Requests: retry after 7', 7))).toEqual({ kind: 'retry', error: expect.any(String), retryAfterS: 7 });
    expect(classifySendError(telegramError(502, 'Bad Gateway'))).toMatchObject({ kind: 'retry' });
    expect(classifySendError(new Error('connect ECONNREFUSED'))).toMatchObject({ kind: 'retry', error: expect.stringContaining('ECONNREFUSED') });
  });
});
