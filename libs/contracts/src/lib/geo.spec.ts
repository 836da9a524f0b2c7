import { greatCircleMetres } from './geo';

describe('greatCircleMetres', () => {
  it('is zero for the same point', () => {
    expect(greatCircleMetres(52.52, 13.405, 52.52, 13.405)).toBe(0);
  });

  it('measures Berlin → Paris at about 877.5 km', () => {
    expect(greatCircleMetres(52.52, 13.405, 48.8566, 2.3522) / 1000).toBeCloseTo(877.5, 0);
  });

  it('measures one degree of latitude at about 111.2 km', () => {
    expect(greatCircleMetres(0, 0, 1, 0)).toBeCloseTo(111_195, -1);
  });
});
