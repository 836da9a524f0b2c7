import type { PublicConfigDto } from '@convoy/contracts';
import { ApiClient, connectLive, TEST_ADMIN } from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';

describe('live feed authentication', () => {
  let fresh: FreshApi;
  let admin: ApiClient;

  beforeAll(async () => {
    fresh = await startFreshApi('live_auth', { AUTO_TRACK_INTERVAL: '120' });
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

  it('tells the dashboard how long a position counts as live: twice AUTO_TRACK_INTERVAL', async () => {
    const config = await new ApiClient(fresh.api.baseUrl).get<PublicConfigDto>('/api/config');
    expect(config.body.liveWithinSeconds).toBe(240);
  });

  it('stops accepting a session once it was signed out', async () => {
    const session = await new ApiClient(fresh.api.baseUrl).post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN);
    await admin.as(session.body.accessToken).post('/api/auth/logout');
    await expect(connectLive(fresh.api.baseUrl, session.body.accessToken)).rejects.toThrow('unauthorized');
  });
});
