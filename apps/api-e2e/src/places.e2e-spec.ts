import type { LoginResponse, PlaceDto, PlaceImportResult } from '@convoy/contracts';
import { ApiClient, TEST_ADMIN } from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';

const CSV_WITH_A_BAD_ROW = [
  'name;lat;lon;radius_m;kind;note',
  'Depot North;52,5200;13,4050;150;depot;Gate 3',
  'Customer Müller;52.5000;13.3000;40;customer;"Ring twice; then wait"',
  'Kiosk;52.51;13.31;10;customer;',
  'Shell A9;52.40;13.20;80;Rest area;',
].join('\r\n');

describe('places', () => {
  let fresh: FreshApi;
  let admin: ApiClient;
  let viewer: ApiClient;
  const tokens = new Map<ApiClient, string>();

  const upload = (path: string, body: string | Buffer, contentType: string, client = admin) =>
    fetch(`${fresh.api.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${tokens.get(client)}` },
      body,
    }).then(async (r) => ({ status: r.status, body: await r.json() }));

  beforeAll(async () => {
    fresh = await startFreshApi('places');
    const anonymous = new ApiClient(fresh.api.baseUrl);
    const signIn = async (email: string, password: string) => {
      const token = (await anonymous.post<LoginResponse>('/api/auth/login', { email, password })).body.accessToken;
      const client = anonymous.as(token);
      tokens.set(client, token);
      return client;
    };
    admin = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.post('/api/users', { email: 'viewer@convoy.test', password: 'viewer-password-1', role: 'viewer' });
    viewer = await signIn('viewer@convoy.test', 'viewer-password-1');
  });
  afterAll(async () => {
    await fresh?.close();
  });

  it('creates, reads, changes and deletes circle and polygon places; viewers only read', async () => {
    const depot = await admin.post<PlaceDto>('/api/places', { name: 'Depot North', kind: 'depot', center: { lat: 52.52, lon: 13.405 }, radiusM: 150 });
    expect(depot.status).toBe(201);
    expect(depot.body).toMatchObject({ id: expect.any(String), name: 'Depot North', kind: 'depot', note: null, center: { lat: 52.52, lon: 13.405 }, radiusM: 150, polygon: null });

    const ring = [[13.42, 52.53], [13.423, 52.53], [13.423, 52.532], [13.42, 52.532], [13.42, 52.53]];
    const yard = await admin.post<PlaceDto>('/api/places', { name: 'Yard', polygon: { type: 'Polygon', coordinates: [ring] } });
    expect(yard.status).toBe(201);
    expect(yard.body).toMatchObject({ kind: 'other', center: null, radiusM: null, polygon: { type: 'Polygon', coordinates: [ring] } });

    expect((await viewer.get<PlaceDto[]>('/api/places')).body.map((p) => p.name)).toEqual(['Depot North', 'Yard']);
    expect((await viewer.get<PlaceDto>(`/api/places/${depot.body.id}`)).body.name).toBe('Depot North');
    expect((await viewer.post('/api/places', { name: 'x', center: { lat: 1, lon: 1 }, radiusM: 100 })).status).toBe(403);
    expect((await viewer.delete(`/api/places/${depot.body.id}`)).status).toBe(403);

    // a new shape replaces the old one: the depot becomes a polygon, then a circle again
    const reshaped = await admin.patch<PlaceDto>(`/api/places/${depot.body.id}`, { polygon: { type: 'Polygon', coordinates: [ring] }, note: 'moved' });
    expect(reshaped.body).toMatchObject({ center: null, radiusM: null, note: 'moved', name: 'Depot North' });
    const back = await admin.patch<PlaceDto>(`/api/places/${depot.body.id}`, { center: { lat: 52.52, lon: 13.405 }, radiusM: 200 });
    expect(back.body).toMatchObject({ center: { lat: 52.52, lon: 13.405 }, radiusM: 200, polygon: null });
    expect((await admin.patch(`/api/places/${depot.body.id}`, { radiusM: 20 })).body).toMatchObject({ code: 'PLACE_INVALID_SHAPE' });

    expect((await admin.get('/api/places?q=yar')).body).toHaveLength(1);
    expect((await admin.delete(`/api/places/${yard.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/places/${yard.body.id}`)).status).toBe(404);
    expect((await admin.delete(`/api/places/${depot.body.id}`)).status).toBe(204);
  });

  it('refuses shapes that cannot be a place', async () => {
    const bad = async (body: object) => (await admin.post<{ code?: string; message: unknown }>('/api/places', { name: 'Bad', ...body })).body;
    expect(await bad({ center: { lat: 52, lon: 13 }, radiusM: 5001 })).toMatchObject({ code: 'PLACE_INVALID_SHAPE', message: 'radius_m must be between 25 and 5000 metres' });
    expect(await bad({ center: { lat: 91, lon: 13 }, radiusM: 100 })).toMatchObject({ message: 'lat must be between -90 and 90' });
    const bowTie = { type: 'Polygon', coordinates: [[[13, 52], [13.001, 52.001], [13.001, 52], [13, 52.001], [13, 52]]] };
    expect(await bad({ polygon: bowTie })).toMatchObject({ message: 'polygon ring crosses itself' });
    expect(await bad({ polygon: { type: 'Polygon', coordinates: [[[13, 52], [13.001, 52], [13.001, 52.001]]] } })).toMatchObject({ code: 'PLACE_INVALID_SHAPE' });
    expect(await bad({})).toMatchObject({ message: 'center must be {lat, lon} numbers' });
    expect((await admin.get<PlaceDto[]>('/api/places')).body).toEqual([]);
  });

  it('a dry run lists what would be created and the bad row by its line; the real import then refuses and changes nothing', async () => {
    const dry = await upload('/api/places/import?dryRun=true', CSV_WITH_A_BAD_ROW, 'text/csv; charset=utf-8');
    expect(dry.status).toBe(200);
    const preview = dry.body as PlaceImportResult;
    expect(preview).toMatchObject({ dryRun: true, created: 0, problems: [{ line: 4, reason: 'radius_m must be between 25 and 5000 metres' }] });
    expect((await admin.get<PlaceDto[]>('/api/places')).body).toEqual([]);

    const real = await upload('/api/places/import', CSV_WITH_A_BAD_ROW, 'text/csv');
    expect(real.status).toBe(422);
    expect(real.body).toMatchObject({ code: 'PLACE_IMPORT_INVALID', problems: [{ line: 4, reason: expect.any(String) }] });
    expect((await admin.get<PlaceDto[]>('/api/places')).body).toEqual([]);

    const fixed = CSV_WITH_A_BAD_ROW.replace('Kiosk;52.51;13.31;10', 'Kiosk;52.51;13.31;30');
    const okDry = await upload('/api/places/import?dryRun=true', fixed, 'text/csv');
    expect((okDry.body as PlaceImportResult).places.map((p) => p.name)).toEqual(['Depot North', 'Customer Müller', 'Kiosk', 'Shell A9']);
    expect((await admin.get<PlaceDto[]>('/api/places')).body).toEqual([]);
    const created = await upload('/api/places/import', fixed, 'text/csv');
    expect(created).toMatchObject({ status: 201, body: { created: 4, problems: [] } });
    const places = (await admin.get<PlaceDto[]>('/api/places')).body;
    expect(places.find((p) => p.name === 'Customer Müller')).toMatchObject({ note: 'Ring twice; then wait', center: { lat: 52.5, lon: 13.3 }, radiusM: 40 });
    expect(places.find((p) => p.name === 'Shell A9')?.kind).toBe('rest-area');
    expect(places.find((p) => p.name === 'Depot North')?.center).toEqual({ lat: 52.52, lon: 13.405 });
  });

  it('exports CSV and GeoJSON that import back to the same places', async () => {
    await admin.post('/api/places', { name: 'Yard, "east"', polygon: { type: 'Polygon', coordinates: [[[13.42, 52.53], [13.423, 52.53], [13.423, 52.532], [13.42, 52.53]]] } });
    const before = (await admin.get<PlaceDto[]>('/api/places')).body;
    const shape = (p: PlaceDto) => ({ name: p.name, kind: p.kind, note: p.note, center: p.center, radiusM: p.radiusM, polygon: p.polygon });

    const csv = await fetch(`${fresh.api.baseUrl}/api/places?format=csv`, { headers: { authorization: `Bearer ${tokens.get(viewer)}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('places.csv');
    const csvText = await csv.text();
    expect(csvText.split('\n')[0]).toBe('name,lat,lon,radius_m,kind,note,polygon');
    const geo = await fetch(`${fresh.api.baseUrl}/api/places?format=geojson`, { headers: { authorization: `Bearer ${tokens.get(viewer)}` } });
    expect(geo.headers.get('content-type')).toContain('application/geo+json');
    const geoText = await geo.text();

    for (const [file, type] of [[csvText, 'text/csv'], [geoText, 'application/geo+json']]) {
      for (const place of (await admin.get<PlaceDto[]>('/api/places')).body) await admin.delete(`/api/places/${place.id}`);
      expect(await upload('/api/places/import', file, type)).toMatchObject({ status: 201, body: { created: before.length } });
      expect((await admin.get<PlaceDto[]>('/api/places')).body.map(shape)).toEqual(before.map(shape));
    }
  });

  it('refuses a file that is not UTF-8 and a body of another type', async () => {
    const latin1 = Buffer.from('name,lat,lon,radius_m,kind,note\nM\xfcller,52.5,13.3,40,customer,\n', 'latin1');
    expect(await upload('/api/places/import?dryRun=true', latin1, 'text/csv')).toMatchObject({ status: 400, body: { code: 'PLACE_IMPORT_UNSUPPORTED' } });
    expect(await upload('/api/places/import', 'a=b', 'application/x-www-form-urlencoded')).toMatchObject({ status: 400, body: { code: 'PLACE_IMPORT_UNSUPPORTED' } });
    expect((await upload('/api/places/import', 'name,lat\n', 'text/csv', viewer)).status).toBe(403);
  });
});
