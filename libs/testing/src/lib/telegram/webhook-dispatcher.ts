import { Agent as HttpAgent, request as httpRequest, STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { BotApiParams } from './bot-api-request';
import { chatOfUpdate } from './update-kind';
import type { QueuedUpdate, UpdateQueue } from './update-queue';

export interface WebhookConfig {
  url: string;
  /** sent as X-Telegram-Bot-Api-Secret-Token; omitted when not set */
  secretToken?: string;
  /** simultaneous requests, 1-100 (Telegram's default 40) */
  maxConnections: number;
}

/** How the double retries a failed delivery. Telegram's own delays (1 s doubling towards minutes) are scaled down for tests. */
export interface WebhookRetryPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** attempts per update before it is dropped */
  maxAttempts: number;
  /** time since the first attempt after which an update is dropped */
  maxDurationMs: number;
  /** a webhook that does not answer within this is treated as failed */
  requestTimeoutMs: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  initialDelayMs: 100,
  maxDelayMs: 2_000,
  maxAttempts: 30,
  maxDurationMs: 60_000,
  requestTimeoutMs: 30_000,
};

export interface DeliveryAttempt {
  update_id: number;
  /** 1 for the first try of this update */
  attempt: number;
  /** HTTP status of the webhook's answer; null when no answer (refused, reset, timed out) */
  status: number | null;
  /** why it failed, in the words getWebhookInfo's last_error_message uses */
  error?: string;
  /** delivered = 2xx; retrying = failed, will be sent again; dropped = failed and given up */
  outcome: 'delivered' | 'retrying' | 'dropped';
  /** Date.now() when the attempt finished */
  at: number;
  durationMs: number;
}

export interface WebhookResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A Bot API call the bot made in the body of its webhook answer (telegraf's webhookReply). */
export interface WebhookReplyCall {
  method: string;
  params: BotApiParams;
}

export interface WebhookDispatcherHooks {
  onAttempt(attempt: DeliveryAttempt): void;
  onReplyCall(call: WebhookReplyCall): void;
}

interface Lane {
  updates: QueuedUpdate[];
  busy: boolean;
}

interface RetryState {
  attempts: number;
  firstAttemptAt: number;
  delayMs: number;
}

/**
 * Delivers queued updates to one webhook URL like Telegram's sender: one lane per chat (a chat's
 * updates go out one at a time, in order; chats in parallel), at most `maxConnections` requests in
 * flight on keep-alive connections, and every failure (non-2xx, refused, reset, timeout) retried with
 * back-off — at least once, never lost while the webhook stays set.
 */
export class WebhookDispatcher {
  private readonly lanes = new Map<string, Lane>();
  private readonly readyLanes: string[] = [];
  private readonly retries = new Map<number, RetryState>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<() => void>();
  private readonly agent: HttpAgent;
  private readonly unsubscribe: () => void;
  private stopped = false;
  lastError: { at: number; message: string } | null = null;

  constructor(
    readonly config: WebhookConfig,
    private readonly queue: UpdateQueue,
    private readonly policy: WebhookRetryPolicy,
    private readonly hooks: WebhookDispatcherHooks,
  ) {
    const agentOptions = { keepAlive: true, maxSockets: config.maxConnections };
    this.agent = config.url.startsWith('https:') ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    for (const entry of queue.pending) this.enqueue(entry);
    this.unsubscribe = queue.onPush((entry) => {
      this.enqueue(entry);
      this.pump();
    });
    this.pump();
  }

  /** Stops sending; updates not yet answered with 2xx stay queued for the next webhook or getUpdates. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const abort of this.inFlight) abort();
    this.inFlight.clear();
    this.agent.destroy();
  }

  private enqueue(entry: QueuedUpdate): void {
    const key = laneKey(entry);
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { updates: [], busy: false };
      this.lanes.set(key, lane);
    }
    lane.updates.push(entry);
    if (lane.updates.length === 1 && !lane.busy) this.readyLanes.push(key);
  }

  private pump(): void {
    while (!this.stopped && this.inFlight.size < this.config.maxConnections && this.readyLanes.length > 0) {
      const key = this.readyLanes.shift() as string;
      const lane = this.lanes.get(key);
      const head = lane?.updates[0];
      if (!lane || !head || lane.busy) continue;
      lane.busy = true;
      void this.send(key, lane, head);
    }
  }

  private async send(key: string, lane: Lane, entry: QueuedUpdate): Promise<void> {
    const startedAt = Date.now();
    const retry = this.retries.get(entry.seq) ?? { attempts: 0, firstAttemptAt: startedAt, delayMs: this.policy.initialDelayMs };
    retry.attempts += 1;
    this.retries.set(entry.seq, retry);

    const controller = new AbortController();
    const abort = () => controller.abort();
    this.inFlight.add(abort);
    let response: WebhookResponse | null = null;
    let error: string | undefined;
    try {
      response = await postToWebhook(this.config.url, JSON.stringify(entry.update), this.headers(), {
        agent: this.agent,
        timeoutMs: this.policy.requestTimeoutMs,
        signal: controller.signal,
      });
      if (response.status < 200 || response.status > 299) {
        error = `Wrong response from the webhook: ${response.status} ${STATUS_CODES[response.status] ?? ''}`;
      }
    } catch (cause) {
      error = describeNetworkError(cause);
    } finally {
      this.inFlight.delete(abort);
    }
    if (this.stopped) return; // the webhook changed meanwhile: the update stays queued, unconfirmed

    const base = { update_id: entry.update.update_id, attempt: retry.attempts, status: response?.status ?? null, at: Date.now() };
    const durationMs = base.at - startedAt;
    if (!error && response) {
      this.finishHead(key, lane, entry, 'webhook');
      this.hooks.onAttempt({ ...base, outcome: 'delivered', durationMs });
      this.forwardReplyCall(response);
    } else {
      this.lastError = { at: base.at, message: error ?? 'Webhook connection closed' };
      const giveUp = retry.attempts >= this.policy.maxAttempts || base.at - retry.firstAttemptAt >= this.policy.maxDurationMs;
      if (giveUp) {
        this.finishHead(key, lane, entry, 'dropped');
        this.hooks.onAttempt({ ...base, error, outcome: 'dropped', durationMs });
      } else {
        this.hooks.onAttempt({ ...base, error, outcome: 'retrying', durationMs });
        this.scheduleRetry(key, lane, retry, retryAfterMs(response));
      }
    }
    this.pump();
  }

  private finishHead(key: string, lane: Lane, entry: QueuedUpdate, by: 'webhook' | 'dropped'): void {
    this.retries.delete(entry.seq);
    lane.updates.shift();
    lane.busy = false;
    this.queue.remove(entry, by);
    if (lane.updates.length > 0) this.readyLanes.push(key);
    else this.lanes.delete(key);
  }

  /** The lane stays blocked meanwhile, so a chat's later updates never overtake the failed one. */
  private scheduleRetry(key: string, lane: Lane, retry: RetryState, retryAfter: number | null): void {
    // like Telegram: honour the webhook's Retry-After, otherwise back off exponentially
    const delay = Math.min(retryAfter ?? retry.delayMs, this.policy.maxDelayMs);
    retry.delayMs = Math.min(retry.delayMs * 2, this.policy.maxDelayMs);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      lane.busy = false;
      this.readyLanes.push(key);
      this.pump();
    }, delay);
    this.timers.add(timer);
  }

  private forwardReplyCall(response: WebhookResponse): void {
    if (!response.body) return;
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return; // any non-JSON 2xx body is just an acknowledgement
    }
    if (!body || typeof body !== 'object' || !('method' in body) || typeof body.method !== 'string') return;
    const { method, ...params } = body as { method: string } & BotApiParams;
    const lower = method.toLowerCase();
    // the Bot API server ignores these in webhook answers
    if (['setwebhook', 'deletewebhook', 'close', 'logout'].includes(lower) || lower.startsWith('get')) return;
    this.hooks.onReplyCall({ method, params });
  }

  private headers(): Record<string, string> {
    return {
      'content-type': 'application/json',
      'accept-encoding': 'gzip, deflate',
      ...(this.config.secretToken ? { 'x-telegram-bot-api-secret-token': this.config.secretToken } : {}),
    };
  }
}

export interface PostOptions {
  agent?: HttpAgent;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** One POST to a webhook URL; resolves with whatever the server answered, rejects if it did not answer. */
export function postToWebhook(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<WebhookResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      {
        method: 'POST',
        agent: options.agent,
        signal: options.signal,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.setTimeout(options.timeoutMs, () => request.destroy(Object.assign(new Error('Read timeout expired'), { code: 'ETIMEDOUT' })));
    request.on('error', reject);
    request.end(body);
  });
}

function laneKey(entry: QueuedUpdate): string {
  const chat = chatOfUpdate(entry.update);
  return chat ? `chat:${chat.id}` : `update:${entry.seq}`;
}

function retryAfterMs(response: WebhookResponse | null): number | null {
  const header = response?.headers['retry-after'];
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return header !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

function describeNetworkError(cause: unknown): string {
  const code = (cause as { code?: string } | null)?.code;
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ETIMEDOUT') return 'Read timeout expired';
  if (code === 'ECONNRESET') return 'Connection reset by peer';
  return 'Webhook connection closed';
}
