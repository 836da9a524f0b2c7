import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Message, Update, UserFromGetMe } from 'telegraf/types';
import { BotApiError, defaultDescription, type BotApiErrorBody } from './bot-api-error';
import { createMethodTable, Described, type MethodHandler } from './bot-api-methods';
import { ParamReader } from './bot-api-params';
import { parseRoute, readParams, sendJson, type BotApiParams } from './bot-api-request';
import { BotApiState } from './bot-api-state';
import { LongPolling } from './long-polling';
import { systemTelegramClock, type TelegramClock } from './telegram-clock';
import type { MessageIdAllocator } from './telegram-updates';
import { UpdateQueue, type ConfirmedBy } from './update-queue';
import { Waiters } from './waiters';
import {
  DEFAULT_WEBHOOK_RETRY,
  postToWebhook,
  type DeliveryAttempt,
  type WebhookConfig,
  type WebhookReplyCall,
  type WebhookResponse,
  type WebhookRetryPolicy,
} from './webhook-dispatcher';
import { WebhookRegistration } from './webhook-registration';

export interface BotApiDoubleOptions {
  /** `<bot id>:<secret>`; a random valid-looking one by default */
  token?: string;
  /** overrides for the getMe answer (the id always comes from the token) */
  botInfo?: Partial<Omit<UserFromGetMe, 'id' | 'is_bot'>>;
  host?: string;
  /** 0 (default) = any free port */
  port?: number;
  /** `date`/`edit_date` of the bot's messages */
  clock?: TelegramClock;
  /** update_id given to the first pushed update */
  firstUpdateId?: number;
  webhookRetry?: Partial<WebhookRetryPolicy>;
  /**
   * Telegram answers "chat not found" for a chat the bot never saw (no update from it). Off by
   * default, like Telegram; turn on to let a test message arbitrary ids.
   */
  acceptUnknownChats?: boolean;
  /** cap on getUpdates `timeout`, seconds; the Bot API caps at 50 */
  maxLongPollSeconds?: number;
}

export type BotApiResponseBody = { ok: true; result: unknown; description?: string } | BotApiErrorBody;

/** One Bot API call the bot made, in arrival order. */
export interface BotApiCall {
  /** canonical spelling ("sendMessage") for known methods, as sent otherwise */
  method: string;
  params: BotApiParams;
  /** Date.now() when the request arrived */
  at: number;
  /** "webhook-reply": made in the body of a webhook answer (telegraf's webhookReply) */
  via: 'http' | 'webhook-reply';
  httpMethod?: string;
  /** request media type: telegraf sends "application/json", or "multipart/form-data" with files */
  contentType?: string;
  /** HTTP status answered; 0 = connection reset (offline); undefined while a long poll is held */
  status?: number;
  response?: BotApiResponseBody;
}

export interface InjectedFailure {
  error_code: number;
  /** defaults to Telegram's wording for the code ("Too Many Requests: retry after N" for 429) */
  description?: string;
  /** seconds; sent as `parameters.retry_after`, as Telegram does for 429 */
  retry_after?: number;
}

export interface PushUpdateOptions {
  /** keep the update's own update_id (to re-send a duplicate) instead of numbering it */
  keepUpdateId?: boolean;
}

export interface UpdateConfirmation {
  update_id: number;
  /** offset = a later getUpdates confirmed it; webhook = answered 2xx; dropped = drop_pending_updates or given up */
  by: ConfirmedBy;
  at: number;
}

export interface DeliverRawOptions {
  /** defaults to the current webhook URL */
  url?: string;
  /** add the current webhook's secret header (default true); headers passed in win either way */
  withSecret?: boolean;
  timeoutMs?: number;
}

const DEFAULT_WAIT_MS = 5_000;

/**
 * A Telegram Bot API server for tests: real HTTP on 127.0.0.1, `POST|GET /bot<token>/<method>`,
 * answering like api.telegram.org (or a self-hosted server in --local mode, which accepts http
 * webhooks). Point telegraf at it with `new Telegraf(double.token, { telegram: { apiRoot: double.apiRoot } })`.
 *
 * Updates a test pushes are served to getUpdates (offsets confirm, long polls are held) or, once a
 * webhook is set, POSTed to it with the secret header and retried until 2xx. Every call and every
 * delivery attempt is recorded for assertions.
 */
export class BotApiDouble implements MessageIdAllocator {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** every Bot API call received since start or the last reset() */
  readonly calls: BotApiCall[] = [];
  /** every webhook delivery attempt since start or the last reset() */
  readonly deliveries: DeliveryAttempt[] = [];
  /** updates that left the queue, and how */
  readonly confirmations: UpdateConfirmation[] = [];
  /** pushed updates Telegram would not have created: their type is outside the bot's allowed_updates */
  readonly notAllowedUpdates: Update[] = [];

  private readonly options: BotApiDoubleOptions;
  private readonly clock: TelegramClock;
  private readonly queue = new UpdateQueue();
  private readonly polling: LongPolling;
  private readonly webhook: WebhookRegistration;
  private readonly state: BotApiState;
  private readonly methods: Record<string, MethodHandler>;
  private readonly canonicalNames: Map<string, string>;
  private readonly failures = new Map<string, InjectedFailure[]>();
  private readonly waiters = new Waiters();
  /** indexes over `deliveries`/`confirmations`, so waits stay cheap when a test pushes thousands of updates */
  private readonly deliveredIds = new Set<number>();
  private deliveredCount = 0;
  private readonly lastConfirmation = new Map<number, UpdateConfirmation>();
  private readonly server: Server;
  private lastUpdateId: number;
  private offline = false;
  private address: AddressInfo | null = null;

  constructor(options: BotApiDoubleOptions = {}) {
    this.options = options;
    this.clock = options.clock ?? systemTelegramClock;
    this.token = options.token ?? randomToken();
    const botId = Number(this.token.split(':')[0]);
    if (!Number.isSafeInteger(botId) || botId <= 0) throw new Error(`BotApiDouble: "${this.token}" is not <bot id>:<secret>`);
    this.botInfo = {
      id: botId,
      is_bot: true,
      first_name: 'Convoy Test Bot',
      username: 'convoy_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      ...options.botInfo,
    };
    this.lastUpdateId = (options.firstUpdateId ?? 800_000_001) - 1;
    this.state = new BotApiState(options.acceptUnknownChats ?? false);
    this.polling = new LongPolling(this.queue);
    this.webhook = new WebhookRegistration(
      this.queue,
      this.polling,
      { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry },
      { onAttempt: (attempt) => this.recordDelivery(attempt), onReplyCall: (call) => void this.executeReplyCall(call) },
    );
    this.methods = createMethodTable({
      botInfo: this.botInfo,
      state: this.state,
      clock: this.clock,
      queue: this.queue,
      polling: this.polling,
      webhook: this.webhook,
      maxLongPollSeconds: options.maxLongPollSeconds ?? 50,
    });
    this.canonicalNames = new Map(Object.keys(this.methods).map((name) => [name.toLowerCase(), name]));
    this.queue.onConfirm((entry, by) => {
      const confirmation = { update_id: entry.update.update_id, by, at: Date.now() };
      this.confirmations.push(confirmation);
      this.lastConfirmation.set(confirmation.update_id, confirmation);
      this.waiters.notify();
    });
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.address = this.server.address() as AddressInfo;
  }

  /** Stops deliveries, ends held polls, closes every (keep-alive) connection and fails pending waits. */
  async stop(): Promise<void> {
    this.waiters.rejectAll('BotApiDouble stopped');
    this.webhook.stop();
    this.polling.close();
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** e.g. http://127.0.0.1:41234 — what telegraf calls `apiRoot` */
  get apiRoot(): string {
    if (!this.address) throw new Error('BotApiDouble: start() it first');
    return `http://${this.address.address}:${this.address.port}`;
  }

  /** Forgets recorded calls, deliveries, confirmations and injected failures; chats, queue and webhook stay. */
  reset(): void {
    this.calls.length = 0;
    this.deliveries.length = 0;
    this.confirmations.length = 0;
    this.notAllowedUpdates.length = 0;
    this.deliveredIds.clear();
    this.deliveredCount = 0;
    this.lastConfirmation.clear();
    this.failures.clear();
    this.offline = false;
  }

  // ---- calls -----------------------------------------------------------------------------------

  callsTo(method: string): BotApiCall[] {
    const name = this.canonical(method);
    return this.calls.filter((call) => call.method === name);
  }

  /**
   * The first recorded call (since reset) to `method` matching `predicate` — already made or yet to
   * come. Rejects after `timeoutMs` listing what was called instead.
   */
  waitForCall(method: string, predicate?: (call: BotApiCall) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<BotApiCall> {
    const name = this.canonical(method);
    return this.waiters.waitFor(
      () => this.calls.find((call) => call.method === name && (!predicate || predicate(call))),
      timeoutMs,
      () => `BotApiDouble: no ${name} call${predicate ? ' matching the predicate' : ''} within ${timeoutMs} ms. ${this.describeCalls()}`,
    );
  }

  /** The next `times` calls to `method` fail with this error (HTTP status = error_code), before any other check. */
  failNext(method: string, failure: InjectedFailure, times = 1): void {
    const name = this.canonical(method);
    const queue = this.failures.get(name) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(failure);
    this.failures.set(name, queue);
  }

  /** While offline every request's connection is reset (the client sees ECONNRESET / "socket hang up"). */
  setOffline(offline: boolean): void {
    this.offline = offline;
    if (offline) this.server.closeAllConnections();
  }

  // ---- updates ---------------------------------------------------------------------------------

  /**
   * Makes an update happen, as when a driver sends something: numbered (monotonic update_id unless
   * `keepUpdateId`), remembered (its chat becomes known) and queued for getUpdates or the webhook.
   * @returns the update as delivered, with its update_id
   */
  pushUpdate<U extends Update>(update: U, options: PushUpdateOptions = {}): U {
    const numbered = options.keepUpdateId ? update : { ...update, update_id: this.nextUpdateId() };
    this.lastUpdateId = Math.max(this.lastUpdateId, numbered.update_id);
    this.state.observe(numbered);
    if (!this.queue.offer(numbered)) this.notAllowedUpdates.push(numbered);
    return numbered;
  }

  /** Updates not yet confirmed by the bot. */
  get pendingUpdates(): readonly Update[] {
    return this.queue.pending.map((entry) => entry.update);
  }

  /** The current webhook, or null in polling mode. */
  get webhookConfig(): WebhookConfig | null {
    return this.webhook.config;
  }

  /** The allowed_updates the bot last chose (null = Telegram's default set). */
  get allowedUpdates(): readonly string[] | null {
    return this.queue.allowedUpdates;
  }

  /**
   * Waits until the webhook answered 2xx for an update (by id or the update itself; a re-sent
   * duplicate counts once its own copy was delivered), or until `{ count }` deliveries succeeded in
   * all (since start/reset, duplicates included). Resolves with the successful attempts concerned.
   */
  waitForDelivered(target: number | Update | { count: number }, timeoutMs = DEFAULT_WAIT_MS): Promise<DeliveryAttempt[]> {
    const delivered = (updateId?: number) =>
      this.deliveries.filter((a) => a.outcome === 'delivered' && (updateId === undefined || a.update_id === updateId));
    if (typeof target === 'object' && 'count' in target) {
      return this.waiters
        .waitFor(
          () => (this.deliveredCount >= target.count ? true : undefined),
          timeoutMs,
          () => `BotApiDouble: ${this.deliveredCount} of ${target.count} deliveries succeeded within ${timeoutMs} ms. ${this.describeDeliveries()}`,
        )
        .then(() => delivered());
    }
    const updateId = typeof target === 'number' ? target : target.update_id;
    return this.waiters
      .waitFor(
        () => (this.deliveredIds.has(updateId) && this.queue.pendingCount(updateId) === 0 ? true : undefined),
        timeoutMs,
        () => `BotApiDouble: update ${updateId} not delivered within ${timeoutMs} ms. ${this.describeDeliveries()}`,
      )
      .then(() => delivered(updateId));
  }

  /**
   * Waits until an update left the queue — confirmed by a getUpdates offset, a 2xx webhook answer, or
   * dropped — and no re-sent copy of it is pending. Resolves with the latest confirmation.
   */
  waitForConfirmed(target: number | Update, timeoutMs = DEFAULT_WAIT_MS): Promise<UpdateConfirmation> {
    const updateId = typeof target === 'number' ? target : target.update_id;
    return this.waiters.waitFor(
      () => (this.queue.pendingCount(updateId) === 0 ? this.lastConfirmation.get(updateId) : undefined),
      timeoutMs,
      () => `BotApiDouble: update ${updateId} not confirmed within ${timeoutMs} ms; pending: [${this.pendingUpdates.map((u) => u.update_id).join(', ')}]. ${this.describeCalls()}`,
    );
  }

  /**
   * POSTs a body of the test's choosing to the webhook (bad JSON, wrong secret, not an update) and
   * returns what the bot's server answered. Not recorded as a delivery; no retries.
   */
  deliverRaw(body: string | Buffer, headers: Record<string, string> = {}, options: DeliverRawOptions = {}): Promise<WebhookResponse> {
    const config = this.webhook.config;
    const url = options.url ?? config?.url;
    if (!url) throw new Error('BotApiDouble.deliverRaw: no webhook is set; pass options.url');
    const secret: Record<string, string> =
      options.withSecret !== false && config?.secretToken ? { 'x-telegram-bot-api-secret-token': config.secretToken } : {};
    const lowerCased = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
    return postToWebhook(url, body, { 'content-type': 'application/json', ...secret, ...lowerCased }, { timeoutMs: options.timeoutMs ?? 10_000 });
  }

  // ---- Telegram-side state -----------------------------------------------------------------------

  /** Messages the bot sent, in order; optionally only to one chat. */
  sentMessages(chatId?: number): Message[] {
    return chatId === undefined ? [...this.state.sentMessages] : this.state.sentMessages.filter((message) => message.chat.id === chatId);
  }

  /** The user blocked (or unblocked) the bot: sending to their chat answers 403 "bot was blocked by the user". */
  setBlocked(chatId: number, blocked = true): void {
    this.state.setBlocked(chatId, blocked);
  }

  /** Next message_id in a chat — pass the double to TelegramUpdateFactory so user and bot messages never share ids. */
  nextMessageId(chatId: number): number {
    return this.state.nextMessageId(chatId);
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://bot-api.invalid');
    const route = parseRoute(url.pathname);
    if (this.offline) {
      if (route) this.record({ method: this.canonical(route.method), params: {}, at: Date.now(), via: 'http', httpMethod: req.method, status: 0 });
      req.socket.destroy();
      return;
    }
    if (!route || route.method === '') return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (route.token !== this.token) return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });

    const call: BotApiCall = { method: this.canonical(route.method), params: {}, at: Date.now(), via: 'http', httpMethod: req.method };
    let answer: { status: number; body: BotApiResponseBody };
    try {
      const read = await readParams(req, url);
      call.params = read.params;
      call.contentType = read.contentType;
      this.record(call);
      const hangUp = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) hangUp.abort();
      });
      answer = await this.execute(call, hangUp.signal);
    } catch (error) {
      answer = errorAnswer(error);
      if (!this.calls.includes(call)) this.record(call);
    }
    call.status = answer.status;
    call.response = answer.body;
    this.waiters.notify();
    if (!res.destroyed) sendJson(res, answer.status, answer.body);
  }

  private async execute(call: BotApiCall, signal: AbortSignal): Promise<{ status: number; body: BotApiResponseBody }> {
    const failure = this.failures.get(call.method)?.shift();
    if (failure) {
      const error = new BotApiError(
        failure.error_code,
        failure.description ?? defaultDescription(failure.error_code, failure.retry_after),
        failure.retry_after !== undefined ? { retry_after: failure.retry_after } : undefined,
      );
      return { status: error.errorCode, body: error.toBody() };
    }
    const handler = this.methods[call.method];
    if (!handler) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found: method not found' } };
    try {
      const result: unknown = await handler(new ParamReader(call.params), { signal });
      return result instanceof Described
        ? { status: 200, body: { ok: true, result: result.result, description: result.description } }
        : { status: 200, body: { ok: true, result } };
    } catch (error) {
      return errorAnswer(error);
    }
  }

  private async executeReplyCall(reply: WebhookReplyCall): Promise<void> {
    const call: BotApiCall = { method: this.canonical(reply.method), params: reply.params, at: Date.now(), via: 'webhook-reply' };
    this.record(call);
    const answer = await this.execute(call, new AbortController().signal);
    call.status = answer.status;
    call.response = answer.body;
    this.waiters.notify();
  }

  private record(call: BotApiCall): void {
    this.calls.push(call);
    this.waiters.notify();
  }

  private recordDelivery(attempt: DeliveryAttempt): void {
    this.deliveries.push(attempt);
    if (attempt.outcome === 'delivered') {
      this.deliveredIds.add(attempt.update_id);
      this.deliveredCount += 1;
    }
    this.waiters.notify();
  }

  private canonical(method: string): string {
    return this.canonicalNames.get(method.toLowerCase()) ?? method;
  }

  private nextUpdateId(): number {
    this.lastUpdateId += 1;
    return this.lastUpdateId;
  }

  private describeCalls(): string {
    if (this.calls.length === 0) return 'No calls were recorded.';
    const lines = this.calls.map((call) => `  ${call.method} ${truncate(JSON.stringify(call.params), 160)} → ${call.status ?? 'pending'}`);
    return `Recorded calls (${this.calls.length}):\n${lines.join('\n')}`;
  }

  private describeDeliveries(): string {
    if (this.deliveries.length === 0) return `No delivery attempts (webhook: ${this.webhook.config?.url ?? 'not set'}).`;
    const lines = this.deliveries.map((d) => `  update ${d.update_id} try ${d.attempt}: ${d.status ?? d.error} (${d.outcome})`);
    return `Delivery attempts (${this.deliveries.length}):\n${lines.join('\n')}`;
  }
}

/** Anything a handler throws that is not a BotApiError is a bug in the double: a 500 that says so. */
function errorAnswer(error: unknown): { status: number; body: BotApiErrorBody } {
  if (error instanceof BotApiError) return { status: error.errorCode, body: error.toBody() };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { ok: false, error_code: 500, description: `Internal Server Error: BotApiDouble: ${message}` } };
}

/** `<id>:AA<33 chars>` — the shape of real tokens (35 characters after the colon). */
function randomToken(): string {
  const id = 6_000_000_000 + randomBytes(4).readUInt32BE(0);
  return `${id}:AA${randomBytes(33).toString('base64url').slice(0, 33)}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
