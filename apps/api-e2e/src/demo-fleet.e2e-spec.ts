import type { DriverDto } from '@convoy/contracts';
import { ApiClient, connectLive, TEST_ADMIN, type LiveRecorder } from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';

describe('the demo fleet', () => {
  let fresh: FreshApi;
  let live: LiveRecorder;

  beforeAll(async () => {
    fresh = await startFreshApi('demo', { DEMO_FLEET: '4' });
  });
  afterAll(async () => {
    live?.close();
    await fresh?.close();
  });

  it('drives simulated drivers through the real ingest path, marked as demo', async () => {
    const admin = await new ApiClient(fresh.api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
    const token = (await new ApiClient(fresh.api.baseUrl).post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN)).body.accessToken;
    live = await connectLive(fresh.api.baseUrl, token);
    await live.waitFor((r) => new Set(r.positions.map((p) => p.driverId)).size === 4, 'positions of all four demo drivers', 15_000);
    expect(live.positions.every((p) => p.source === 'demo')).toBe(true);

    const drivers = await admin.get<DriverDto[]>('/api/drivers');
    expect(drivers.body.map((d) => d.name)).toEqual(['Demo 01', 'Demo 02', 'Demo 03', 'Demo 04']);
    for (const driver of drivers.body) {
      expect(driver).toMatchObject({ demo: true, status: 'live', telegram: null });
      expect(driver.lastPosition?.latitude).toBeGreaterThan(52.4);
      expect(driver.lastPosition?.latitude).toBeLessThan(52.6);
    }
  });
});
