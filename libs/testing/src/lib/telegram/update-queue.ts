import type { Update } from 'telegraf/types';
import { isAllowedUpdate } from './update-kind';

/** One update waiting on Telegram's side until the bot confirms it (getUpdates offset or webhook 2xx). */
export interface QueuedUpdate {
  /** position in the queue; update_id need not be unique when a test re-sends one on purpose */
  readonly seq: number;
  readonly update: Update;
  readonly queuedAt: number;
}

export type ConfirmedBy = 'offset' | 'webhook' | 'dropped';

/**
 * The bot's pending updates, as Telegram keeps them: in arrival order, until confirmed. Also holds
 * the bot's `allowed_updates` subscription, which decides whether an update is created at all.
 */
export class UpdateQueue {
  private entries: QueuedUpdate[] = [];
  /** how many queued entries carry each update_id (a re-sent duplicate makes it 2) */
  private readonly pendingById = new Map<number, number>();
  private lastSeq = 0;
  private readonly pushListeners = new Set<(entry: QueuedUpdate) => void>();
  private readonly confirmListeners = new Set<(entry: QueuedUpdate, by: ConfirmedBy) => void>();
  /** null until the bot chooses; the Bot API then sends every type except the opt-in ones */
  allowedUpdates: string[] | null = null;

  get pending(): readonly QueuedUpdate[] {
    return this.entries;
  }

  /** Queues the update unless the subscription excludes its type (then null, as Telegram never creates it). */
  offer(update: Update): QueuedUpdate | null {
    if (!isAllowedUpdate(update, this.allowedUpdates)) return null;
    this.lastSeq += 1;
    const entry: QueuedUpdate = { seq: this.lastSeq, update, queuedAt: Date.now() };
    this.entries.push(entry);
    this.pendingById.set(update.update_id, this.pendingCount(update.update_id) + 1);
    for (const listener of this.pushListeners) listener(entry);
    return entry;
  }

  /** Entries with this update_id still waiting for confirmation. */
  pendingCount(updateId: number): number {
    return this.pendingById.get(updateId) ?? 0;
  }

  onPush(listener: (entry: QueuedUpdate) => void): () => void {
    this.pushListeners.add(listener);
    return () => this.pushListeners.delete(listener);
  }

  onConfirm(listener: (entry: QueuedUpdate, by: ConfirmedBy) => void): () => void {
    this.confirmListeners.add(listener);
    return () => this.confirmListeners.delete(listener);
  }

  /** getUpdates `offset`: positive confirms every update below it; negative keeps only the last -offset. */
  applyOffset(offset: number): void {
    if (offset > 0) this.removeWhere((entry) => entry.update.update_id < offset, 'offset');
    else if (offset < 0) {
      const keep = new Set(this.entries.slice(offset).map((entry) => entry.seq));
      this.removeWhere((entry) => !keep.has(entry.seq), 'offset');
    }
  }

  /** Removes one update (delivered by webhook, or given up on). */
  remove(entry: QueuedUpdate, by: ConfirmedBy): void {
    // the webhook path removes one update at a time, mostly the oldest: no copy of the queue per update
    const index = this.entries.findIndex((candidate) => candidate.seq === entry.seq);
    if (index < 0) return;
    this.entries.splice(index, 1);
    this.forget(entry, by);
  }

  /** `drop_pending_updates` */
  dropAll(): void {
    this.removeWhere(() => true, 'dropped');
  }

  private removeWhere(predicate: (entry: QueuedUpdate) => boolean, by: ConfirmedBy): void {
    const removed = this.entries.filter(predicate);
    if (removed.length === 0) return;
    const gone = new Set(removed.map((entry) => entry.seq));
    this.entries = this.entries.filter((entry) => !gone.has(entry.seq));
    for (const entry of removed) this.forget(entry, by);
  }

  private forget(entry: QueuedUpdate, by: ConfirmedBy): void {
    const left = this.pendingCount(entry.update.update_id) - 1;
    if (left > 0) this.pendingById.set(entry.update.update_id, left);
    else this.pendingById.delete(entry.update.update_id);
    for (const listener of this.confirmListeners) listener(entry, by);
  }
}
