import type { CreatedWebhookDto, NewConvoyEvent, WebhookDeliveryDto, WebhookDto, WebhookPayload } from '@convoy/contracts';
import { ApiClient, createTestDatabase, startApi, testPostgresServerUrl, TEST_ADMIN, withClient, type ApiProcess, type TestDatabase } from '@convoy/testing';
import { appendEvents } from '@convoy/server/events';
import { Webhook } from 'standardwebhooks';
import { WebhookReceiver, waitUntil } from './support/webhook-receiver';

/**
 * Signed webhooks, black-box. The producer is stood in for by the real outbox: events are appended
 * with `appendEvents` on a plain pg connection, as a producer's transaction would (the dispatchers
 * hear its pg_notify at commit). The receiver is a local HTTP server, hence WEBHOOK_ALLOW_PRIVATE=1.
 */
const FAST = { WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_RETRY_SCHEDULE: '200ms,200ms', WEBHOOK_TIMEOUT_SECONDS: '2' };

function arrival(name: string): NewConvoyEvent {
  return {
    type: 'visit.arrived',
    driverId: null,
    data: {
      driver: { id: '00000000-0000-4000-8000-000000000001', name },
      place: { id: '00000000-0000-4000-8000-000000000002', name: 'Depot North', kind: 'depot' },
      visitId: '00000000-0000-4000-8000-000000000003',
      arrivedAt: new Date().toISOString(),
      position: { lat: 52.52, lon: 13.405 },
    },
  };
}

async function produce(databaseUrl: string, events: NewConvoyEvent[]): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    await client.query('BEGIN');
    const stored = await appendEvents(client, events);
    await client.query('COMMIT');
    return stored.map((event) => event.id);
  });
}

async function signIn(api: ApiProcess): Promise<ApiClient> {
  return new ApiClient(api.baseUrl).login(TEST_ADMIN.email, TEST_ADMIN.password);
}

describe('webhooks', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let admin: ApiClient;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    database = await createTestDatabase(testPostgresServerUrl(), 'webhooks');
    api = await startApi({ databaseUrl: database.url, env: FAST });
    admin = await signIn(api);
  });

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
    await receiver.stop();
  });

  const register = async (path: string, events: string[] = ['visit.arrived']) => {
    const created = await admin.post<CreatedWebhookDto>('/api/webhooks', { url: receiver.url(path), events, description: path });
    expect(created.status).toBe(201);
    return created.body;
  };
  const deliveries = async (id: string) => (await admin.get<WebhookDeliveryDto[]>(`/api/webhooks/${id}/deliveries`)).body;
  const webhook = async (id: string) => (await admin.get<WebhookDto>(`/api/webhooks/${id}`)).body;

  it('delivers an event with a Standard Webhooks signature that the official library verifies', async () => {
    const hook = await register('/signed');
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const listed = await admin.get<WebhookDto[]>('/api/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(hook.secret);

    const [eventId] = await produce(database.url, [arrival('Anna')]);
    await waitUntil('the delivery', () => receiver.on('/signed').length === 1);
    const [request] = receiver.on('/signed');
    expect(request.headers['webhook-id']).toBe(eventId);
    const payload = new Webhook(hook.secret).verify(request.body, request.headers) as WebhookPayload;
    expect(payload).toMatchObject({ type: 'visit.arrived', data: { eventId, driver: { name: 'Anna' }, place: { name: 'Depot North' } } });
    expect(Number.isNaN(Date.parse(payload.timestamp))).toBe(false);

    await waitUntil('the log to say delivered', async () => (await deliveries(hook.id))[0]?.status === 'delivered');
    expect((await deliveries(hook.id))[0]).toMatchObject({ eventId, eventType: 'visit.arrived', attempts: 1, lastResponseCode: 200, nextAttemptAt: null });
  });

  it('sends a test event, and a retry sends a delivery again with the same webhook-id', async () => {
    const hook = await register('/test-and-retry', ['driver.joined']);
    const test = await admin.post<WebhookDeliveryDto>(`/api/webhooks/${hook.id}/test`);
    expect(test.status).toBe(201);
    await waitUntil('the test event', () => receiver.on('/test-and-retry').length === 1);
    const body = new Webhook(hook.secret).verify(receiver.on('/test-and-retry')[0].body, receiver.on('/test-and-retry')[0].headers);
    expect(body).toMatchObject({ type: 'webhook.test', data: { eventId: test.body.eventId } });

    await waitUntil('delivered', async () => (await deliveries(hook.id))[0]?.status === 'delivered');
    const retried = await admin.post<WebhookDeliveryDto>(`/api/webhooks/${hook.id}/deliveries/${test.body.id}/retry`);
    expect(retried.status).toBe(200);
    await waitUntil('the resend', () => receiver.on('/test-and-retry').length === 2);
    expect(receiver.on('/test-and-retry').map((r) => r.headers['webhook-id'])).toEqual([test.body.eventId, test.body.eventId]);
  });

  it('retries a failing endpoint with back-off, then fails the delivery, disables the endpoint and tells the admins', async () => {
    const path = '/failing';
    receiver.set(path, 'fail');
    const hook = await register(path);
    await produce(database.url, [arrival('Ben')]);
    await waitUntil('the endpoint to be disabled', async () => !(await webhook(hook.id)).enabled);
    expect(receiver.on(path)).toHaveLength(3); // the first attempt + the two retries of the schedule
    const [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3, lastResponseCode: 500, nextAttemptAt: null });
    expect((await webhook(hook.id)).disabledReason).toMatch(/No 2xx answer after 3 attempts/);
    await waitUntil('the admin notice', () => api.output().includes('Webhook disabled'), 5000);

    // a disabled endpoint gets no new deliveries, and cannot be retried until it is enabled again
    await produce(database.url, [arrival('Ben again')]);
    expect((await admin.post(`/api/webhooks/${hook.id}/deliveries/${delivery.id}/retry`)).status).toBe(409);
    receiver.set(path, 'ok');
    expect((await admin.patch<WebhookDto>(`/api/webhooks/${hook.id}`, { enabled: true })).body).toMatchObject({ enabled: true, disabledReason: null });
    expect((await admin.post(`/api/webhooks/${hook.id}/deliveries/${delivery.id}/retry`)).status).toBe(200);
    await waitUntil('delivered after the fix', async () => (await deliveries(hook.id)).every((d) => d.status === 'delivered'));
    expect(await deliveries(hook.id)).toHaveLength(1);
  });

  it('disables the endpoint at once when it answers 410 Gone', async () => {
    const path = '/gone';
    receiver.set(path, 'gone');
    const hook = await register(path);
    await produce(database.url, [arrival('Cleo')]);
    await waitUntil('the endpoint to be disabled', async () => !(await webhook(hook.id)).enabled);
    expect(receiver.on(path)).toHaveLength(1);
    expect((await webhook(hook.id)).disabledReason).toBe('The endpoint answered 410 Gone');
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'failed', attempts: 1, lastResponseCode: 410 });
  });

  it('refuses bad endpoints with a clear 400', async () => {
    const ftp = await admin.post<{ code: string; message: string }>('/api/webhooks', { url: 'ftp://example.com/x', events: ['visit.arrived'] });
    expect(ftp.status).toBe(400);
    expect(ftp.body.code).toBe('WEBHOOK_URL_REFUSED');
    const unknownEvent = await admin.post('/api/webhooks', { url: receiver.url('/x'), events: ['visit.teleported'] });
    expect(unknownEvent.status).toBe(400);
  });
});

describe('webhook deliveries survive a SIGKILL and are shared by two replicas', () => {
  it('delivers every pending event once after a restart on two replicas', async () => {
    const receiver = new WebhookReceiver();
    await receiver.start();
    const database = await createTestDatabase(testPostgresServerUrl(), 'webhooks_kill');
    const env = { ...FAST, WEBHOOK_RETRY_SCHEDULE: '1s,1s,1s,1s,1s,1s,1s,1s,1s,1s' };
    let first: ApiProcess | undefined;
    let replicas: ApiProcess[] = [];
    try {
      first = await startApi({ databaseUrl: database.url, env });
      const admin = await signIn(first);
      const path = '/durable';
      receiver.set(path, 'fail');
      const hook = (await admin.post<CreatedWebhookDto>('/api/webhooks', { url: receiver.url(path), events: ['visit.arrived'] })).body;
      const before = await produce(database.url, Array.from({ length: 20 }, (_, i) => arrival(`Driver ${i}`)));
      await waitUntil('every event tried once', () => new Set(receiver.on(path).map((r) => r.headers['webhook-id'])).size === 20);
      first.process.kill('SIGKILL');
      await first.exited;

      // produced while no API runs: they wait in the outbox
      const during = await produce(database.url, Array.from({ length: 10 }, (_, i) => arrival(`Late ${i}`)));
      receiver.set(path, 'ok');
      replicas = await Promise.all([startApi({ databaseUrl: database.url, env }), startApi({ databaseUrl: database.url, env })]);
      const all = [...before, ...during];
      await waitUntil('all 30 accepted', () => receiver.acceptedById(path).size === 30, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // a second delivery would come now

      const accepted = receiver.acceptedById(path);
      expect([...accepted.keys()].sort()).toEqual([...all].sort());
      expect([...accepted.values()].every((count) => count === 1)).toBe(true);
      const log = await (await signIn(replicas[0])).get<WebhookDeliveryDto[]>(`/api/webhooks/${hook.id}/deliveries`);
      expect(log.body).toHaveLength(30);
      expect(log.body.every((d) => d.status === 'delivered')).toBe(true);
    } finally {
      await Promise.all([first?.stop('SIGKILL'), ...replicas.map((replica) => replica.stop())]);
      await database.drop();
      await receiver.stop();
    }
  });
});
