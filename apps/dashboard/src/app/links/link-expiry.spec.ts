import { validityHours } from './link-expiry';

describe('validityHours', () => {
  it.each([
    [3, 'days', 72],
    [30, 'days', 720],
    [1, 'hours', 1],
    [720, 'hours', 720],
    [0.5, 'days', 12],
  ] as const)('%p %s → %p h', (amount, unit, hours) => {
    expect(validityHours(amount, unit)).toBe(hours);
  });

  it.each([
    [0, 'hours'],
    [721, 'hours'],
    [31, 'days'],
    [1.5, 'hours'],
    [null, 'days'],
    [Number.NaN, 'days'],
  ] as const)('refuses %p %s', (amount, unit) => {
    expect(validityHours(amount, unit)).toBeNull();
  });
});
