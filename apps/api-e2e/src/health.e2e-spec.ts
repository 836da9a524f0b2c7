import type { HealthResponse } from '@convoy/contracts';
import { ApiClient, TEST_ADMIN, withAdminClient, testPostgresServerUrl } from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';

/** Takes the app's database away (no new connections, existing ones cut), or gives it back. */
async function setDatabaseReachable(name: string, reachable: boolean): Promise<void> {
  await withAdminClient(testPostgresServerUrl(), async (client) => {
    await client.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${reachable}`);
    if (!reachable) {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    }
  });
}

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await probe();
  }
  return value;
}

describe('health', () => {
  let fresh: FreshApi;
  let client: ApiClient;
  let admin: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    fresh = await startFreshApi('health');
    client = new ApiClient(fresh.api.baseUrl);
    admin = await client.login(TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.post('/api/users', { email: 'viewer@convoy.test', password: 'viewer-password-1', role: 'viewer' });
    viewer = await client.login('viewer@convoy.test', 'viewer-password-1');
  });
  afterAll(async () => {
    await setDatabaseReachable(fresh.database.name, true).catch(() => undefined);
    await fresh?.close();
  });

  it("answers /health in the seed's shape", async () => {
    const response = await client.get<HealthResponse>('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'healthy', service: 'convoy-api', database: 'connected' });
  });

  it('reports liveness and readiness for probes: publicly only up/down per dependency', async () => {
    expect((await client.get('/health/live')).status).toBe(200);
    for (const anyone of [client, viewer]) {
      const ready = await anyone.get<{ status: string; details: Record<string, { status: string }> }>('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({
        status: 'ok',
        info: { shutdown: { status: 'up' }, database: { status: 'up' }, socketAdapter: { status: 'up' }, bot: { status: 'up' } },
        error: {},
        details: { shutdown: { status: 'up' }, database: { status: 'up' }, socketAdapter: { status: 'up' }, bot: { status: 'up' } },
      });
    }
  });

  it('shows a signed-in admin the details: adapter, bot mode and last error', async () => {
    const ready = await admin.get<{ details: Record<string, { status: string }> }>('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details['bot']).toEqual({ status: 'up', mode: 'disabled', lastError: null });
    expect(ready.body.details['socketAdapter']).toEqual({ status: 'up', adapter: 'in-process' });
    expect(ready.body.details['shutdown']).toEqual({ status: 'up', draining: false });
  });

  it('turns 503 when the database goes away, stays alive, and recovers when it returns', async () => {
    await setDatabaseReachable(fresh.database.name, false);

    const down = await eventually(() => client.get<HealthResponse>('/health'), (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'unhealthy', service: 'convoy-api', database: 'disconnected' });
    const ready = await client.get<{ status: string; error: Record<string, unknown> }>('/health/ready');
    expect(ready.status).toBe(503);
    // publicly: that it is down, not why (the message names hosts and errors)
    expect(ready.body.error).toEqual({ database: { status: 'down' } });
    for (let probe = 0; probe < 5; probe++) expect((await client.get('/health/ready')).status).toBe(503);
    expect((await client.get('/health/live')).status).toBe(200);

    await setDatabaseReachable(fresh.database.name, true);
    const back = await eventually(() => client.get<HealthResponse>('/health'), (r) => r.status === 200);
    expect(back.body.status).toBe('healthy');

    // one line when it went down and one when it came back, however many probes saw it down
    const lines = () => fresh.api.output().split('\n').filter((l) => l.includes('Readiness: database'));
    await eventually(async () => lines(), (l) => l.length >= 1);
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toContain('Readiness: database is down');
  });
});
