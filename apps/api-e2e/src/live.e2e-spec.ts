import { LIVE_FEEDS, type CreatedLinkResponse, type JoinResponse, type PublicConfigDto } from '@convoy/contracts';
import { ApiClient, connectLive, TEST_ADMIN } from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';

describe('live feed authentication', () => {
  let fresh: FreshApi;
  let admin: ApiClient;

  beforeAll(async () => {
    fresh = await startFreshApi('live_auth', {
      AUTO_TRACK_INTERVAL: '120',
      PUBLIC_URL: 'https://convoy.example.com',
      CORS_ORIGINS: 'https://ops.example.org',
    });
    admin = await new ApiClient(fresh.api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(() => fresh?.close());

  it('refuses a handshake without a valid token with connect_error', async () => {
    await expect(connectLive(fresh.api.baseUrl, null)).rejects.toThrow('unauthorized');
    await expect(connectLive(fresh.api.baseUrl, 'cvs_notavalidtokennotavalidtokennotavalidtoke')).rejects.toThrow('unauthorized');
  });

  it('accepts the access token and sends the snapshot of drivers first', async () => {
    const token = (await admin.post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN)).body.accessToken;
    const live = await connectLive(fresh.api.baseUrl, token);
    try {
      await live.waitFor((r) => r.snapshots.length === 1, 'the snapshot');
      expect(live.snapshots[0]).toEqual([]);
    } finally {
      live.close();
    }
  });

  it("gives a socket that asks for the notifications feed none of the fleet's traffic: no snapshot, no positions", async () => {
    const token = (await admin.post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN)).body.accessToken;
    const [fleet, bell] = await Promise.all([connectLive(fresh.api.baseUrl, token), connectLive(fresh.api.baseUrl, token, { feed: LIVE_FEEDS.notifications })]);
    try {
      await fleet.waitFor((r) => r.snapshots.length === 1, 'the snapshot');
      const link = (await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Bell test' })).body;
      const joined = (await new ApiClient(fresh.api.baseUrl).post<JoinResponse>(`/api/join/${link.token}`, { channel: 'app' })).body;
      const point = `id=${encodeURIComponent(joined.deviceKey)}&timestamp=${Math.floor(Date.now() / 1000)}&lat=50.1&lon=14.4&accuracy=8`;
      expect((await fetch(`${fresh.api.baseUrl}/ingest/osmand?${point}`, { method: 'POST' })).status).toBe(200);
      await fleet.waitFor((r) => r.positions.some((p) => p.driverId === joined.driverId), "the driver's position");
      await new Promise((resolve) => setTimeout(resolve, 300)); // the same broadcast would have reached both by now
      expect(bell.snapshots).toEqual([]);
      expect(bell.positions).toEqual([]);
      expect(bell.changes).toEqual([]);
    } finally {
      fleet.close();
      bell.close();
    }
  });

  it('tells the dashboard how long a position counts as live: twice AUTO_TRACK_INTERVAL', async () => {
    const config = await new ApiClient(fresh.api.baseUrl).get<PublicConfigDto>('/api/config');
    expect(config.body.liveWithinSeconds).toBe(240);
  });

  describe('the Origin of the page that opens the socket (a WebSocket is not covered by CORS)', () => {
    let token: string;
    beforeAll(async () => {
      token = (await admin.post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN)).body.accessToken;
    });
    const connect = (origin: string) => connectLive(fresh.api.baseUrl, token, { headers: { origin } });

    it('refuses a page on another site, even with a valid credential', async () => {
      await expect(connect('https://evil.example')).rejects.toThrow('forbidden-origin');
      // same host name, another port: another origin
      await expect(connect('http://127.0.0.1:1')).rejects.toThrow('forbidden-origin');
    });

    it("accepts the dashboard's own origin, PUBLIC_URL and CORS_ORIGINS", async () => {
      for (const origin of [fresh.api.baseUrl, 'https://convoy.example.com', 'https://ops.example.org']) {
        const live = await connect(origin);
        await live.waitFor((r) => r.snapshots.length === 1, `the snapshot for ${origin}`);
        live.close();
      }
    });

    it('accepts a program without an Origin header that presents a bearer token', async () => {
      const live = await connectLive(fresh.api.baseUrl, token);
      await live.waitFor((r) => r.snapshots.length === 1, 'the snapshot');
      live.close();
      // …but not one without a credential
      await expect(connectLive(fresh.api.baseUrl, null)).rejects.toThrow('unauthorized');
    });
  });

  it("lets pages connect to this origin and PUBLIC_URL's websocket origin only (CSP connect-src), styles without 'unsafe-inline'", async () => {
    const csp = (await fetch(`${fresh.api.baseUrl}/health`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' https://convoy.example.com wss://convoy.example.com");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // Swagger UI's own page keeps its two inline <style> blocks (measured: they are all it needs)
    const docs = (await fetch(`${fresh.api.baseUrl}/api/docs`)).headers.get('content-security-policy') ?? '';
    expect(docs).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('stops accepting a session once it was signed out', async () => {
    const session = await new ApiClient(fresh.api.baseUrl).post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN);
    await admin.as(session.body.accessToken).post('/api/auth/logout');
    await expect(connectLive(fresh.api.baseUrl, session.body.accessToken)).rejects.toThrow('unauthorized');
  });
});
