import { circleProblem, metresOutside, polygonProblem } from './place-shape';

const square = (size = 0.001) => ({
  type: 'Polygon',
  coordinates: [[[13, 52], [13 + size, 52], [13 + size, 52 + size], [13, 52 + size], [13, 52]]],
});

describe('place shapes', () => {
  it('accepts circles of 25 m to 5 km with a centre in range', () => {
    expect(circleProblem({ lat: 52.5, lon: 13.4 }, 25)).toBeNull();
    expect(circleProblem({ lat: 52.5, lon: 13.4 }, 5000)).toBeNull();
    expect(circleProblem({ lat: 52.5, lon: 13.4 }, 24)).toMatch(/between 25 and 5000/);
    expect(circleProblem({ lat: 52.5, lon: 13.4 }, 5001)).toMatch(/between 25 and 5000/);
    expect(circleProblem({ lat: 91, lon: 13.4 }, 100)).toMatch(/lat/);
    expect(circleProblem({ lat: 52, lon: 181 }, 100)).toMatch(/lon/);
  });

  it('accepts a simple closed ring and refuses open, crossing, holed and huge ones', () => {
    expect(polygonProblem(square())).toBeNull();
    expect(polygonProblem({ type: 'Polygon', coordinates: [[[13, 52], [13.001, 52], [13.001, 52.001], [13, 52.001]]] })).toMatch(/closed/);
    // a bow tie: the ring crosses itself
    expect(polygonProblem({ type: 'Polygon', coordinates: [[[13, 52], [13.001, 52.001], [13.001, 52], [13, 52.001], [13, 52]]] })).toMatch(
      /crosses itself/,
    );
    expect(polygonProblem({ ...square(), coordinates: [...square().coordinates, ...square(0.0005).coordinates] })).toMatch(/one ring/);
    const circleRing = Array.from({ length: 501 }, (_, i) => [13 + 0.01 * Math.cos((i / 501) * 2 * Math.PI), 52 + 0.01 * Math.sin((i / 501) * 2 * Math.PI)]);
    expect(polygonProblem({ type: 'Polygon', coordinates: [[...circleRing, circleRing[0]]] })).toMatch(/501 vertices; at most 500/);
    expect(polygonProblem({ type: 'Polygon', coordinates: [[...circleRing.slice(1), circleRing[1]]] })).toBeNull();
    expect(polygonProblem({ type: 'Point', coordinates: [13, 52] })).toMatch(/GeoJSON Polygon/);
    expect(polygonProblem({ type: 'Polygon', coordinates: [[[13, 52], [13, 95], [14, 52], [13, 52]]] })).toMatch(/range/);
  });

  it('measures how far outside a shape a point is', () => {
    const circle = { type: 'circle' as const, center: { lat: 52, lon: 13 }, radiusM: 100 };
    expect(metresOutside(circle, 52, 13)).toBe(0);
    expect(metresOutside(circle, 52 + 150 / 111_195, 13)).toBeCloseTo(50, 0);
    const polygon = { type: 'polygon' as const, polygon: square() as never };
    expect(metresOutside(polygon, 52.0005, 13.0005)).toBe(0);
    expect(metresOutside(polygon, 52.0005, 13.0005 + 0.0005 + 0.001)).toBeGreaterThan(60);
  });
});
