import type { HealthResponse } from '@convoy/contracts';
import { ApiClient, withAdminClient, testPostgresServerUrl } from '@convoy/testing';
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

  beforeAll(async () => {
    fresh = await startFreshApi('health');
    client = new ApiClient(fresh.api.baseUrl);
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

  it('reports liveness and readiness for probes', async () => {
    expect((await client.get('/health/live')).status).toBe(200);
    const ready = await client.get<{ status: string; details: Record<string, { status: string }> }>('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details['database']).toEqual({ status: 'up' });
    expect(ready.body.details['bot']).toMatchObject({ status: 'up', mode: 'disabled' });
    expect(ready.body.details['socketAdapter']).toEqual({ status: 'up', adapter: 'in-process' });
  });

  it('turns 503 when the database goes away, stays alive, and recovers when it returns', async () => {
    await setDatabaseReachable(fresh.database.name, false);

    const down = await eventually(() => client.get<HealthResponse>('/health'), (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'unhealthy', service: 'convoy-api', database: 'disconnected' });
    const ready = await client.get<{ status: string; error: Record<string, unknown> }>('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error).toHaveProperty('database');
    expect((await client.get('/health/live')).status).toBe(200);

    await setDatabaseReachable(fresh.database.name, true);
    const back = await eventually(() => client.get<HealthResponse>('/health'), (r) => r.status === 200);
    expect(back.body.status).toBe('healthy');
  });
});
