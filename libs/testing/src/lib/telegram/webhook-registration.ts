import type { WebhookInfo } from 'telegraf/types';
import { conflict } from './bot-api-error';
import type { LongPolling } from './long-polling';
import type { UpdateQueue } from './update-queue';
import { WebhookDispatcher, type WebhookConfig, type WebhookDispatcherHooks, type WebhookRetryPolicy } from './webhook-dispatcher';

export interface SetWebhookRequest extends WebhookConfig {
  dropPendingUpdates: boolean;
}

/**
 * The bot's webhook setting: setWebhook starts a dispatcher (ending any held getUpdates with 409),
 * deleteWebhook stops it; pending updates survive either unless dropped.
 */
export class WebhookRegistration {
  private dispatcher: WebhookDispatcher | null = null;
  /** kept across dispatchers so getWebhookInfo still reports the last failure */
  private lastError: { at: number; message: string } | null = null;

  constructor(
    private readonly queue: UpdateQueue,
    private readonly polling: LongPolling,
    private readonly policy: WebhookRetryPolicy,
    private readonly hooks: WebhookDispatcherHooks,
  ) {}

  get config(): WebhookConfig | null {
    return this.dispatcher?.config ?? null;
  }

  /** @returns false when the same webhook was already set (Telegram then says "Webhook is already set") */
  set(request: SetWebhookRequest): boolean {
    const current = this.config;
    const unchanged =
      current?.url === request.url &&
      current.secretToken === request.secretToken &&
      current.maxConnections === request.maxConnections;
    if (request.dropPendingUpdates) this.queue.dropAll();
    if (unchanged) return false;
    this.polling.terminateWaiting(conflict('terminated by setWebhook request'));
    this.stopDispatcher();
    this.lastError = null;
    const { url, secretToken, maxConnections } = request;
    this.dispatcher = new WebhookDispatcher({ url, secretToken, maxConnections }, this.queue, this.policy, this.hooks);
    return true;
  }

  /** @returns false when no webhook was set */
  delete(dropPendingUpdates: boolean): boolean {
    const wasSet = this.dispatcher !== null;
    this.stopDispatcher();
    if (dropPendingUpdates) this.queue.dropAll();
    return wasSet;
  }

  info(): WebhookInfo {
    const config = this.config;
    const lastError = this.dispatcher?.lastError ?? this.lastError;
    return {
      url: config?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.queue.pending.length,
      ...(lastError
        ? { last_error_date: Math.floor(lastError.at / 1000), last_error_message: lastError.message }
        : {}),
      ...(config ? { max_connections: config.maxConnections, ip_address: '127.0.0.1' } : {}),
      ...(this.queue.allowedUpdates ? { allowed_updates: this.queue.allowedUpdates } : {}),
    };
  }

  stop(): void {
    this.stopDispatcher();
  }

  private stopDispatcher(): void {
    if (!this.dispatcher) return;
    this.lastError = this.dispatcher.lastError ?? this.lastError;
    this.dispatcher.stop();
    this.dispatcher = null;
  }
}
