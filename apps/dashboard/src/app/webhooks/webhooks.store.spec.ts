import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CreatedWebhookDto, WebhookDeliveryDto, WebhookDto } from '@convoy/contracts';
import { API } from '../core/http/api-paths';
import { WebhooksStore } from './webhooks.store';

const HOOK: WebhookDto = {
  id: 'w-1',
  url: 'https://erp.example.com/convoy',
  events: ['visit.arrived'],
  description: 'ERP',
  enabled: true,
  disabledReason: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
};
const CREATED: CreatedWebhookDto = { ...HOOK, id: 'w-2', url: 'https://bi.example.com/hook', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' };
const FAILED: WebhookDeliveryDto = {
  id: 'd-1',
  webhookId: 'w-1',
  eventId: 'e-1',
  eventType: 'visit.arrived',
  status: 'failed',
  attempts: 12,
  lastResponseCode: 500,
  lastError: 'HTTP 500',
  nextAttemptAt: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  deliveredAt: null,
};

describe('WebhooksStore', () => {
  let store: WebhooksStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [WebhooksStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(WebhooksStore);
    http = TestBed.inject(HttpTestingController);
    const loaded = store.load();
    http.expectOne({ method: 'GET', url: API.webhooks }).flush([HOOK]);
    await loaded;
  });

  afterEach(() => http.verify());

  it('keeps a new endpoint’s secret in created() only, never in the list', async () => {
    const done = store.create({ url: CREATED.url, events: ['visit.arrived'], description: '' });
    http.expectOne({ method: 'POST', url: API.webhooks }).flush(CREATED, { status: 201, statusText: 'Created' });
    await expect(done).resolves.toEqual(CREATED);
    expect(store.created()?.secret).toBe(CREATED.secret);
    expect(store.webhooks().map((hook) => hook.id)).toEqual(['w-1', 'w-2']);
    expect(JSON.stringify(store.webhooks())).not.toContain(CREATED.secret);
    store.dismissCreated();
    expect(store.created()).toBeNull();
  });

  it('shows a log and puts a retried delivery back as pending', async () => {
    store.showDeliveries('w-1');
    http.expectOne({ method: 'GET', url: `${API.webhooks}/w-1/deliveries` }).flush([FAILED]);
    await Promise.resolve();
    expect(store.deliveries()).toEqual([FAILED]);

    const retried = store.retry('w-1', 'd-1');
    http
      .expectOne({ method: 'POST', url: `${API.webhooks}/w-1/deliveries/d-1/retry` })
      .flush({ ...FAILED, status: 'pending', attempts: 0, nextAttemptAt: '2026-12-01T09:00:00.000Z' });
    await retried;
    expect(store.deliveries()[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(store.notice()).toBe('Delivery queued again.');
  });

  it('says why a retry was refused (the endpoint is disabled)', async () => {
    const retried = store.retry('w-1', 'd-1');
    http
      .expectOne({ method: 'POST', url: `${API.webhooks}/w-1/deliveries/d-1/retry` })
      .flush({ statusCode: 409, error: 'Conflict', code: 'WEBHOOK_DISABLED', message: 'The webhook is disabled: enable it before retrying deliveries' }, { status: 409, statusText: 'Conflict' });
    await retried;
    expect(store.deliveriesError()).toBe('Could not retry the delivery: The webhook is disabled: enable it before retrying deliveries');
  });
});
