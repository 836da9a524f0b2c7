import { Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { CreatedWebhookDto, CreateWebhookRequest, UpdateWebhookRequest, WebhookDeliveryDto, WebhookDto } from '@convoy/contracts';
import { actionErrorMessage } from '../core/http/api-error';
import { API } from '../core/http/api-paths';
import { ListResourceStore } from '../core/list-resource/list-resource.store';

/**
 * Webhook endpoints (admin): `GET/POST /api/webhooks`, `PATCH/DELETE /api/webhooks/:id`, and the
 * delivery log of the selected one. A new endpoint's signing secret exists only in the create
 * answer, kept in `created()` until dismissed.
 */
@Injectable()
export class WebhooksStore extends ListResourceStore<WebhookDto, CreateWebhookRequest, CreatedWebhookDto> {
  private readonly _created = signal<CreatedWebhookDto | null>(null);
  private readonly _changeError = signal<string | null>(null);
  private readonly _deliveries = signal<readonly WebhookDeliveryDto[]>([]);
  private readonly _deliveriesFor = signal<string | null>(null);
  private readonly _deliveriesError = signal<string | null>(null);
  private readonly _notice = signal<string | null>(null);

  readonly webhooks = this.items;
  readonly created = this._created.asReadonly();
  readonly changeError = this._changeError.asReadonly();
  readonly deliveries = this._deliveries.asReadonly();
  /** Whose log `deliveries()` is. */
  readonly deliveriesFor = this._deliveriesFor.asReadonly();
  readonly deliveriesError = this._deliveriesError.asReadonly();
  /** What the last action did ("Test event queued"), for a polite live region. */
  readonly notice = this._notice.asReadonly();

  constructor() {
    super({
      url: API.webhooks,
      failures: { load: 'Could not load the webhooks', create: 'Could not add the webhook' },
      toItem: withoutSecret,
      newItems: 'last',
    });
  }

  dismissCreated(): void {
    this._created.set(null);
  }

  isChanging(id: string): boolean {
    return this.isBusy(id);
  }

  /** `PATCH /api/webhooks/:id`; resolves whether it worked. */
  async update(id: string, change: UpdateWebhookRequest, failure = 'Could not change the webhook'): Promise<boolean> {
    const done = await this.changeItem(id, {
      send: (url) => this.http.patch<WebhookDto>(url, change),
      apply: (_item, answer) => answer,
      failure,
      report: (message) => this._changeError.set(message),
    });
    if (done && this._deliveriesFor() === id) void this.loadDeliveries(id);
    return done !== null;
  }

  async remove(id: string): Promise<boolean> {
    this._changeError.set(null);
    try {
      await firstValueFrom(this.http.delete<void>(`${API.webhooks}/${encodeURIComponent(id)}`));
      await this.load();
      if (this._deliveriesFor() === id) this.showDeliveries(null);
      return true;
    } catch (error) {
      this._changeError.set(actionErrorMessage(error, 'Could not delete the webhook'));
      return false;
    }
  }

  async sendTest(id: string): Promise<void> {
    this._changeError.set(null);
    try {
      await firstValueFrom(this.http.post<WebhookDeliveryDto>(`${API.webhooks}/${encodeURIComponent(id)}/test`, {}));
      this._notice.set('Test event queued: it shows in the delivery log.');
      this.showDeliveries(id);
      setTimeout(() => void this.loadDeliveries(id), 1500);
    } catch (error) {
      this._changeError.set(actionErrorMessage(error, 'Could not send a test event'));
    }
  }

  /** Selects whose log to show (null: none) and loads it. */
  showDeliveries(id: string | null): void {
    if (this._deliveriesFor() !== id) this._deliveries.set([]);
    this._deliveriesFor.set(id);
    this._deliveriesError.set(null);
    if (id) void this.loadDeliveries(id);
  }

  async loadDeliveries(id: string): Promise<void> {
    try {
      const list = await firstValueFrom(this.http.get<WebhookDeliveryDto[]>(`${API.webhooks}/${encodeURIComponent(id)}/deliveries`));
      if (this._deliveriesFor() === id) this._deliveries.set(list);
      this._deliveriesError.set(null);
    } catch (error) {
      this._deliveriesError.set(actionErrorMessage(error, 'Could not load the delivery log'));
    }
  }

  async retry(webhookId: string, deliveryId: string): Promise<void> {
    this._deliveriesError.set(null);
    try {
      const answer = await firstValueFrom(
        this.http.post<WebhookDeliveryDto>(`${API.webhooks}/${encodeURIComponent(webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/retry`, {}),
      );
      this._deliveries.update((list) => list.map((d) => (d.id === deliveryId ? answer : d)));
      this._notice.set('Delivery queued again.');
      setTimeout(() => void this.loadDeliveries(webhookId), 1500);
    } catch (error) {
      this._deliveriesError.set(actionErrorMessage(error, 'Could not retry the delivery'));
    }
  }

  protected override onCreated(created: CreatedWebhookDto): void {
    this._created.set(created);
  }
}

function withoutSecret(created: CreatedWebhookDto): WebhookDto {
  const { secret: _secret, ...webhook } = created;
  return webhook;
}
