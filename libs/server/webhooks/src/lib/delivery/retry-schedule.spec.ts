import { DEFAULT_RETRY_SCHEDULE_SECONDS, parseRetrySchedule } from '@convoy/server/config';
import { nextRetryDelayMs, RETRY_JITTER } from './retry-schedule';

describe('webhook retry schedule', () => {
  it('backs off exponentially for about a day by default', () => {
    const waits = DEFAULT_RETRY_SCHEDULE_SECONDS.map((_, i) => nextRetryDelayMs(i + 1, DEFAULT_RETRY_SCHEDULE_SECONDS, () => 0.5) as number);
    for (let i = 1; i < waits.length - 1; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]);
    const totalHours = waits.reduce((sum, w) => sum + w, 0) / 3_600_000;
    expect(totalHours).toBeGreaterThanOrEqual(23);
    expect(totalHours).toBeLessThanOrEqual(26);
  });

  it('gives up after the last wait', () => {
    expect(nextRetryDelayMs(DEFAULT_RETRY_SCHEDULE_SECONDS.length, DEFAULT_RETRY_SCHEDULE_SECONDS)).not.toBeNull();
    expect(nextRetryDelayMs(DEFAULT_RETRY_SCHEDULE_SECONDS.length + 1, DEFAULT_RETRY_SCHEDULE_SECONDS)).toBeNull();
    expect(nextRetryDelayMs(0, DEFAULT_RETRY_SCHEDULE_SECONDS)).toBeNull();
  });

  it('jitters each wait by ±20 % so endpoints that failed together spread out', () => {
    const schedule = [100];
    expect(nextRetryDelayMs(1, schedule, () => 0)).toBe(100_000 * (1 - RETRY_JITTER));
    expect(nextRetryDelayMs(1, schedule, () => 0.999999)).toBeCloseTo(100_000 * (1 + RETRY_JITTER), -1);
    const samples = new Set(Array.from({ length: 20 }, () => nextRetryDelayMs(1, schedule)));
    expect(samples.size).toBeGreaterThan(1);
  });

  it('reads WEBHOOK_RETRY_SCHEDULE', () => {
    expect(parseRetrySchedule('10s, 30s,2m,1h')).toEqual([10, 30, 120, 3600]);
    expect(parseRetrySchedule('500ms,1')).toEqual([0.5, 1]);
    expect(parseRetrySchedule('')).toBeNull();
    expect(parseRetrySchedule('10s,soon')).toBeNull();
    expect(parseRetrySchedule('25h')).toBeNull();
  });
});
