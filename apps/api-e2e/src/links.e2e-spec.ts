import type { CreatedLinkResponse, LinkDto, SeedGeneratedLinkResponse, UserDto } from '@convoy/contracts';
import { ApiClient, TEST_ADMIN } from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';

describe('tracking links', () => {
  let fresh: FreshApi;
  let admin: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    fresh = await startFreshApi('links', { TELEGRAM_BOT_USERNAME: undefined });
    const anonymous = new ApiClient(fresh.api.baseUrl);
    admin = await anonymous.login(TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.post<UserDto>('/api/users', { email: 'viewer@convoy.test', password: 'viewer-password-1', role: 'viewer' });
    viewer = await anonymous.login('viewer@convoy.test', 'viewer-password-1');
  });
  afterAll(() => fresh?.close());

  it('creates a link with a 256-bit token, a 72 h default expiry, and the join page as its URL while no bot is configured', async () => {
    const before = Date.now();
    const created = await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Jan Novák', note: 'truck 7' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ driverName: 'Jan Novák', note: 'truck 7', status: 'pending', createdBy: TEST_ADMIN.email });
    expect(created.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // no bot: the link is Convoy's own join page (the request's origin: no PUBLIC_URL here), QR code included
    expect(created.body.joinUrl).toBe(`${fresh.api.baseUrl}/join/${created.body.token}`);
    expect(created.body.url).toBe(created.body.joinUrl);
    expect(created.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(created.body.driverId).toMatch(/^[0-9a-f-]{36}$/);
    const hours = (Date.parse(created.body.expiresAt) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThan(72.1);
  });

  it('lists links without their tokens, and revokes them', async () => {
    const created = await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Eva', expiresInHours: 1 });
    const list = await viewer.get<LinkDto[]>('/api/links');
    expect(list.status).toBe(200);
    expect(list.body.find((l) => l.id === created.body.id)).toMatchObject({ driverName: 'Eva', status: 'pending' });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    expect((await admin.delete(`/api/links/${created.body.id}`)).status).toBe(204);
    const after = await admin.get<LinkDto[]>('/api/links');
    expect(after.body.find((l) => l.id === created.body.id)?.status).toBe('revoked');
    expect((await admin.delete('/api/links/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('keeps the seed route POST /generate-link, with the same answer and auth', async () => {
    const seed = await admin.post<CreatedLinkResponse>('/generate-link', { driverName: 'Seed driver' });
    expect(seed.status).toBe(201);
    expect(seed.body).toMatchObject({ driverName: 'Seed driver', status: 'pending', token: expect.any(String) });
    expect((await new ApiClient(fresh.api.baseUrl).post('/generate-link', { driverName: 'x' })).status).toBe(401);
  });

  it("answers the seed's GET /generate-link with driver_id, tracking_link and instructions, and reserves that driver id", async () => {
    const seed = await admin.get<SeedGeneratedLinkResponse>('/generate-link');
    expect(seed.status).toBe(200);
    expect(seed.body).toMatchObject({
      driver_id: seed.body.driverId,
      tracking_link: seed.body.url,
      instructions: expect.stringContaining('link'),
      status: 'pending',
      driverName: `Driver ${seed.body.driverId.slice(0, 8)}`,
    });
    // the seed's integrations poll the driver at once: null until the first position, not 404
    const location = await admin.get(`/api/driver-location/${seed.body.driver_id}`);
    expect(location.status).toBe(200);
    expect(location.body).toBeNull();
    expect((await admin.get('/api/driver-location/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // same auth as POST
    expect((await viewer.get('/generate-link')).status).toBe(403);
    expect((await new ApiClient(fresh.api.baseUrl).get('/generate-link')).status).toBe(401);
  });

  it('gives each link its own reserved driver id (POST /api/links and POST /generate-link alike)', async () => {
    const a = await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'A' });
    const b = await admin.post<CreatedLinkResponse>('/generate-link', { driverName: 'B' });
    expect(a.body.driverId).not.toBe(b.body.driverId);
    expect((await admin.get(`/api/driver-location/${b.body.driverId}`)).body).toBeNull();
  });

  it('lets viewers read but not create or revoke, and validates input', async () => {
    expect((await viewer.post('/api/links', { driverName: 'Nope' })).status).toBe(403);
    expect((await admin.post('/api/links', { driverName: '' })).status).toBe(400);
    expect((await admin.post('/api/links', { driverName: 'x', expiresInHours: 721 })).status).toBe(400);
    expect((await admin.post('/api/links', { driverName: 'x', token: 'mine' })).status).toBe(400);
    // shaped like every other error, and a missing field is one clear message
    expect((await admin.post('/api/links', {})).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      message: ['driverName is required'],
    });
  });
});

describe('tracking links with a bot username', () => {
  let fresh: FreshApi;

  beforeAll(async () => {
    fresh = await startFreshApi('links_bot', {
      TELEGRAM_BOT_USERNAME: 'convoy_test_bot',
      // a token whose Bot API is unreachable: the app must run anyway and keep retrying in the background
      TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    });
  });
  afterAll(() => fresh?.close());

  it('gives the t.me deep link and its QR code', async () => {
    const admin = await new ApiClient(fresh.api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    const created = await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Jan' });
    expect(created.body.url).toBe(`https://t.me/convoy_test_bot?start=${created.body.token}`);
    // the QR code is the join page (it offers Telegram too), not the t.me link
    expect(created.body.joinUrl).toBe(`${fresh.api.baseUrl}/join/${created.body.token}`);
    expect(created.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const ready = await admin.get<{ details: Record<string, { status: string; mode?: string }> }>('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details['bot']).toMatchObject({ status: 'up', mode: 'polling' });
  });
});
