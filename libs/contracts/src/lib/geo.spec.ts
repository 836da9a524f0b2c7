import { greatCircleMetres, initialBearingDegrees } from './geo';

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

describe('initialBearingDegrees', () => {
  it('points north, east, south and west along the axes', () => {
    expect(initialBearingDegrees(0, 0, 1, 0)).toBeCloseTo(0, 6);
    expect(initialBearingDegrees(0, 0, 0, 1)).toBeCloseTo(90, 6);
    expect(initialBearingDegrees(1, 0, 0, 0)).toBeCloseTo(180, 6);
    expect(initialBearingDegrees(0, 1, 0, 0)).toBeCloseTo(270, 6);
  });

  it('leaves Berlin for Paris heading west-south-west', () => {
    expect(initialBearingDegrees(52.52, 13.405, 48.8566, 2.3522)).toBeCloseTo(246.7, 1);
  });
});
