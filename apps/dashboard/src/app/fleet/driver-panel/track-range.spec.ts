import { rangeProblem, rangeTimes, todayRange } from './track-range';

describe('track day ranges (browser time zone)', () => {
  it('defaults to today', () => {
    expect(todayRange(new Date(2026, 10, 24, 15, 30))).toEqual({ from: '2026-11-24', to: '2026-11-24' });
  });

  it('runs from local midnight of the first day to the end of the last', () => {
    const { from, to } = rangeTimes({ from: '2026-11-23', to: '2026-11-24' });
    expect(from).toEqual(new Date(2026, 10, 23, 0, 0, 0, 0));
    expect(to).toEqual(new Date(2026, 10, 24, 23, 59, 59, 999));
  });

  it('refuses reversed, empty and too long ranges', () => {
    expect(rangeProblem({ from: '2026-11-24', to: '2026-11-24' })).toBeNull();
    expect(rangeProblem({ from: '2026-11-25', to: '2026-11-24' })).toMatch(/after/);
    expect(rangeProblem({ from: '', to: '2026-11-24' })).toMatch(/both/);
    expect(rangeProblem({ from: '2026-01-01', to: '2026-11-24' })).toMatch(/at most 31 days/);
  });
});
