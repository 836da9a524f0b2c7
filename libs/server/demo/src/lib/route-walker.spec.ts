import { RouteWalker } from './route-walker';

describe('RouteWalker', () => {
  // ~1,113 m due north, then ~1,113 m due east (at the equator)
  const walker = new RouteWalker([
    [0, 0],
    [0.01, 0],
    [0.01, 0.01],
  ]);

  it('measures the route and starts at the first waypoint heading along it', () => {
    expect(walker.length).toBeCloseTo(2224, -1);
    expect(walker.at(0)).toMatchObject({ latitude: 0, longitude: 0, heading: 360 });
  });

  it('interpolates along segments with the right heading', () => {
    expect(walker.at(556).latitude).toBeCloseTo(0.005, 4);
    const onSecond = walker.at(1112 + 556);
    expect(onSecond.longitude).toBeCloseTo(0.005, 4);
    expect(onSecond.heading).toBe(90);
  });

  it('drives back the way it came after the end, facing the other way', () => {
    const back = walker.at(walker.length + 556);
    expect(back.longitude).toBeCloseTo(0.005, 3);
    expect(back.heading).toBe(270);
    expect(walker.at(2 * walker.length).latitude).toBeCloseTo(0, 6);
  });
});
