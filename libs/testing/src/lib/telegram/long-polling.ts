import type { Update } from 'telegraf/types';
import { conflict, type BotApiError } from './bot-api-error';
import type { UpdateQueue } from './update-queue';

export interface GetUpdatesRequest {
  offset: number;
  limit: number;
  timeoutSeconds: number;
}

/** A held getUpdates call; `cancel` is for a client that hung up (nothing is answered then). */
export interface PendingPoll {
  readonly result: Promise<Update[]>;
  cancel(): void;
}

interface Waiter {
  limit: number;
  timer: NodeJS.Timeout;
  resolve(updates: Update[]): void;
  reject(error: BotApiError): void;
}

/**
 * getUpdates with Telegram's semantics: the offset confirms, the call is held up to `timeout`
 * seconds until an update exists, and only one poller may wait — a newer call ends the older with
 * 409, as when two bot instances share a token.
 */
export class LongPolling {
  private waiter: Waiter | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly queue: UpdateQueue) {
    this.unsubscribe = queue.onPush(() => this.answerWaiter());
  }

  poll(request: GetUpdatesRequest): PendingPoll {
    this.queue.applyOffset(request.offset);
    this.terminateWaiting(conflict("terminated by other getUpdates request; make sure that only one bot instance is running"));

    const available = this.take(request.limit);
    if (available.length > 0 || request.timeoutSeconds <= 0) return { result: Promise.resolve(available), cancel: () => undefined };

    let waiter: Waiter | undefined;
    const result = new Promise<Update[]>((resolve, reject) => {
      const timer = setTimeout(() => this.finish(waiter, []), request.timeoutSeconds * 1000);
      waiter = { limit: request.limit, timer, resolve, reject };
      this.waiter = waiter;
    });
    return { result, cancel: () => this.finish(waiter, null) };
  }

  /** Ends a held poll with an error (a newer poller, or a webhook being set). */
  terminateWaiting(error: BotApiError): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.release(waiter);
    waiter.reject(error);
  }

  /** Answers a held poll with no updates, as the server does when it goes away. */
  close(): void {
    if (this.waiter) this.finish(this.waiter, []);
    this.unsubscribe();
  }

  get isWaiting(): boolean {
    return this.waiter !== null;
  }

  private answerWaiter(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const updates = this.take(waiter.limit);
    if (updates.length > 0) this.finish(waiter, updates);
  }

  /** Updates are only handed out, not confirmed: the next call's offset confirms them. */
  private take(limit: number): Update[] {
    return this.queue.pending.slice(0, limit).map((entry) => entry.update);
  }

  private finish(waiter: Waiter | undefined, updates: Update[] | null): void {
    if (!waiter || this.waiter !== waiter) return;
    this.release(waiter);
    if (updates) waiter.resolve(updates);
  }

  private release(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiter = null;
  }
}
