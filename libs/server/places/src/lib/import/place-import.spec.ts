import { decodeUtf8, parsePlacesCsv, parsePlacesGeoJson } from './place-import';
import { placesToCsv, placesToGeoJson } from './place-export';

describe('parsePlacesCsv', () => {
  it('reads every row and names each bad one by its line in the file (header = line 1)', () => {
    const csv = [
      'name,lat,lon,radius_m,kind,note',
      'Depot North,52.52,13.405,150,depot,Gate 3',
      'Customer Müller,52.50,13.30,40,customer,"Ring twice, then wait"',
      'Too small,52.5,13.3,10,customer,',
      '',
      'Nowhere,91,13.3,100,other,',
      'Shell A9,52.4,13.2,80,Rest area,',
      ',52.4,13.2,80,fuel,',
    ].join('\n');
    const { places, problems } = parsePlacesCsv(csv);
    expect(places.map((p) => p.name)).toEqual(['Depot North', 'Customer Müller', 'Shell A9']);
    expect(places[1]).toEqual({ name: 'Customer Müller', kind: 'customer', note: 'Ring twice, then wait', center: { lat: 52.5, lon: 13.3 }, radiusM: 40 });
    expect(places[2].kind).toBe('rest-area');
    expect(problems).toEqual([
      { line: 4, reason: 'radius_m must be between 25 and 5000 metres' },
      { line: 6, reason: 'lat must be between -90 and 90' },
      { line: 8, reason: 'name is required' },
    ]);
  });

  it('takes ; as the separator with decimal commas, columns in any order, a BOM and CRLF', () => {
    const text = decodeUtf8(Buffer.from('\uFEFFname;kind;lat;lon;radius_m\r\nLager Süd;depot;48,137;11,575;200\r\n"Zwei\r\nZeilen";x;48;11;100\r\n', 'utf8'));
    const { places, problems } = parsePlacesCsv(text as string);
    expect(places).toEqual([{ name: 'Lager Süd', kind: 'depot', center: { lat: 48.137, lon: 11.575 }, radiusM: 200 }]);
    expect(problems).toEqual([{ line: 3, reason: 'kind must be one of depot, customer, fuel, rest-area, other' }]);
  });

  it('requires the header and refuses a file that is not UTF-8', () => {
    expect(parsePlacesCsv('Depot,52,13,100,depot,\n').problems[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/^header must be/) });
    expect(decodeUtf8(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBeNull(); // "Müller" in Latin-1
  });

  it('round-trips its own export, polygons included', () => {
    const polygon = { type: 'Polygon' as const, coordinates: [[[13, 52], [13.01, 52], [13.01, 52.01], [13, 52]]] };
    const dto = (over: object) => ({ id: 'x', kind: 'depot' as const, note: null, center: null, radiusM: null, polygon: null, createdAt: '', updatedAt: '', name: 'a', ...over });
    const exported = [dto({ name: 'Ring, "quoted"', center: { lat: 52.5, lon: 13.4 }, radiusM: 120, note: 'n' }), dto({ name: 'Yard', polygon })];
    expect(parsePlacesCsv(placesToCsv(exported))).toEqual({
      problems: [],
      places: [
        { name: 'Ring, "quoted"', kind: 'depot', note: 'n', center: { lat: 52.5, lon: 13.4 }, radiusM: 120 },
        { name: 'Yard', kind: 'depot', polygon },
      ],
    });
    expect(parsePlacesGeoJson(placesToGeoJson(exported)).places).toHaveLength(2);
  });
});

describe('parsePlacesGeoJson', () => {
  it('takes Points with radius_m and Polygons; names bad features by number', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [13.4, 52.5] }, properties: { name: 'Depot', kind: 'depot', radius_m: 100 } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [13.4, 52.5] }, properties: { name: 'No radius' } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[13, 52], [14, 53]] }, properties: { name: 'Road' } },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [[[13, 52], [13.001, 52.001], [13.001, 52], [13, 52.001], [13, 52]]] },
          properties: { name: 'Bow tie' },
        },
      ],
    };
    const { places, problems } = parsePlacesGeoJson(JSON.stringify(fc));
    expect(places).toEqual([{ name: 'Depot', kind: 'depot', center: { lat: 52.5, lon: 13.4 }, radiusM: 100 }]);
    expect(problems).toEqual([
      { line: 2, reason: 'a Point needs a radius_m property (metres)' },
      { line: 3, reason: 'geometry LineString is not supported (Point with radius_m, or Polygon)' },
      { line: 4, reason: 'polygon ring crosses itself' },
    ]);
  });
});
