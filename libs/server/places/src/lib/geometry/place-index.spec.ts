import { PlaceIndex, type IndexedPlace } from './place-index';

describe('PlaceIndex', () => {
  const grid: IndexedPlace[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `p${i}`,
    shape: { type: 'circle', center: { lat: 48 + Math.floor(i / 100) * 0.01, lon: 11 + (i % 100) * 0.01 }, radiusM: 200 },
  }));

  it('finds exactly the places containing a point among 10,000', () => {
    const index = new PlaceIndex(grid);
    expect(index.containing(48 + 37 * 0.01, 11 + 42 * 0.01).map((p) => p.id)).toEqual(['p3742']);
    expect(index.containing(48.005, 11.005)).toEqual([]); // between four circles
  });

  it('follows edits: a moved place is found at its new spot only, a removed one nowhere', () => {
    const index = new PlaceIndex(grid.slice(0, 3));
    index.upsert({ id: 'p0', shape: { type: 'circle', center: { lat: 50, lon: 10 }, radiusM: 100 } });
    expect(index.containing(48, 11)).toEqual([]);
    expect(index.containing(50, 10).map((p) => p.id)).toEqual(['p0']);
    index.remove('p0');
    expect(index.containing(50, 10)).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('near() reports places within a margin with the distance outside each', () => {
    const index = new PlaceIndex(grid.slice(0, 1));
    const point = 48 + 230 / 111_195; // 230 m north of p0's centre: 30 m outside its 200 m circle
    expect(index.near(point, 11, 20)).toEqual([]);
    const [hit] = index.near(point, 11, 40);
    expect(hit.place.id).toBe('p0');
    expect(hit.metresOutside).toBeCloseTo(30, 0);
  });
});
