import { batteryFact } from './battery';

describe('batteryFact', () => {
  it('shows the level, and flags 20 % and below as low', () => {
    expect(batteryFact(64)).toEqual({ text: '64 %', low: false });
    expect(batteryFact(20)).toEqual({ text: '20 % — low', low: true });
    expect(batteryFact(3.4)).toEqual({ text: '3 % — low', low: true });
  });

  it('shows nothing when the channel does not report it', () => {
    expect(batteryFact(null)).toBeNull();
    expect(batteryFact(undefined)).toBeNull();
    expect(batteryFact(Number.NaN)).toBeNull();
  });
});
