import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles from 2 s with ±20 % jitter, capped at 10 min', () => {
    expect(retryDelayMs(1, null, () => 0.5)).toBe(2_000);
    expect(retryDelayMs(2, null, () => 0.5)).toBe(4_000);
    expect(retryDelayMs(3, null, () => 0)).toBe(6_400);
    expect(retryDelayMs(3, null, () => 1)).toBe(9_600);
    expect(retryDelayMs(30, null, () => 0.5)).toBe(600_000);
  });

  it('waits at least what the server asked for', () => {
    expect(retryDelayMs(1, 30_000, () => 0.5)).toBe(30_000);
  });
});
