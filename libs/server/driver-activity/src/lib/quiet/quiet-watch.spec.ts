import { quietCheckIntervalMs } from './quiet-watch';

describe('QuietWatch: how often it looks', () => {
  it('every 30 s for the default 10 minutes, sooner for short quiet times, never more than once a second', () => {
    expect(quietCheckIntervalMs(10)).toBe(30_000);
    expect(quietCheckIntervalMs(1)).toBe(15_000);
    expect(quietCheckIntervalMs(0.05)).toBe(1000);
  });
});
