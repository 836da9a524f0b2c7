import { MAX_DELIVERY_ATTEMPTS, nextAttemptDelayMs } from './retry-policy';

describe('retrying a Telegram send', () => {
  const noJitter = () => 0.5;

  it('backs off exponentially', () => {
    expect([1, 2, 3, 4].map((attempts) => nextAttemptDelayMs(attempts, undefined, noJitter))).toEqual([2000, 4000, 8000, 16000]);
  });

  it('waits at least what Telegram asked for', () => {
    expect(nextAttemptDelayMs(1, 30, noJitter)).toBe(30_000);
  });

  it('jitters by at most 20 %', () => {
    expect(nextAttemptDelayMs(1, undefined, () => 0)).toBe(1600);
    expect(nextAttemptDelayMs(1, undefined, () => 1)).toBe(2400);
  });

  it('gives up after the last attempt', () => {
    expect(nextAttemptDelayMs(MAX_DELIVERY_ATTEMPTS)).toBeNull();
  });
});
