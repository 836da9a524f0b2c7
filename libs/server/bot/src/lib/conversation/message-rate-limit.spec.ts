import type { AppConfig } from '@convoy/server/config';
import { MessageRateLimit } from './message-rate-limit';

describe('MessageRateLimit', () => {
  const config = { telegram: { messagesPerMinute: 30 } } as AppConfig;

  it('passes 30 messages a minute, warns once, then drops the flood until tokens come back', () => {
    const limit = new MessageRateLimit(config);
    const t0 = 5_000_000;
    const verdicts = Array.from({ length: 100 }, () => limit.check(1, t0));
    expect(verdicts.filter((v) => v === 'pass')).toHaveLength(30);
    expect(verdicts.filter((v) => v === 'warn')).toHaveLength(1);
    expect(verdicts[30]).toBe('warn');
    expect(limit.check(1, t0 + 1000)).toBe('drop');
    expect(limit.check(1, t0 + 2000)).toBe('pass'); // one token per 2 s
    // the same flood going on is not told twice
    expect(limit.check(1, t0 + 2000)).toBe('drop');
    expect(limit.check(1, t0 + 4000)).toBe('pass');
    expect(limit.check(1, t0 + 4000)).toBe('drop');
    // after a quiet minute, a new flood is told again, once
    const later = t0 + 4000 + 60_000;
    expect(Array.from({ length: 40 }, () => limit.check(1, later)).filter((v) => v === 'warn')).toHaveLength(1);
  });

  it('limits each Telegram user on their own', () => {
    const limit = new MessageRateLimit({ telegram: { messagesPerMinute: 1 } } as AppConfig);
    expect(limit.check(1, 0)).toBe('pass');
    expect(limit.check(1, 0)).toBe('warn');
    expect(limit.check(2, 0)).toBe('pass');
  });
});
