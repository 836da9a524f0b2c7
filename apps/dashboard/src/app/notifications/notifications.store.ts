import { computed, Injectable, inject, signal } from '@angular/core';
import type { NotificationDto } from '@convoy/contracts';
import { actionErrorMessage } from '../core/http/api-error';
import { addToInbox, EMPTY_INBOX, type Inbox, markReadInInbox, replaceInbox, unreadBadge } from './inbox';
import { NOTIFICATIONS_CHANNEL, type NotificationsChannel } from './notifications-channel';
import { NotificationsApi } from './notifications-api';
import { dismissToast, dropRead, EMPTY_TOASTS, expireToasts, pushToasts, type ToastQueue } from './toast-queue';

/** How many entries the panel asks for. */
export const INBOX_PAGE = 30;
const TOAST_TICK_MS = 1_000;

/**
 * The signed-in user's notifications inbox (kept on the server, so it survives reloads and follows
 * the user between browsers) and the live toasts. Started by the shell; the `notifications` socket
 * event adds entries, a reconnect re-reads the list.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly api = inject(NotificationsApi);
  private readonly openChannel = inject(NOTIFICATIONS_CHANNEL);

  private readonly _inbox = signal<Inbox>(EMPTY_INBOX);
  private readonly _toasts = signal<ToastQueue>(EMPTY_TOASTS);
  private readonly _loaded = signal(false);
  private readonly _error = signal<string | null>(null);
  private readonly _markingAll = signal(false);

  readonly entries = computed(() => this._inbox().entries);
  readonly unread = computed(() => this._inbox().unread);
  readonly badge = computed(() => unreadBadge(this._inbox().unread));
  readonly toasts = computed(() => this._toasts().toasts);
  readonly hiddenToasts = computed(() => this._toasts().hidden);
  readonly loaded = this._loaded.asReadonly();
  readonly error = this._error.asReadonly();
  readonly markingAll = this._markingAll.asReadonly();

  private channel: NotificationsChannel | null = null;
  private toastTimer: ReturnType<typeof setInterval> | undefined;
  private readonly held = new Set<string>();
  /** Bumped by every list read and by start/stop, so a late answer cannot undo newer state. */
  private generation = 0;

  /** Loads the inbox and listens for new entries. Idempotent. */
  start(): void {
    if (this.channel) return;
    this.channel = this.openChannel({
      connected: () => void this.reload(),
      notifications: (entries) => this.receive(entries),
    });
    void this.reload();
  }

  /** Forgets everything (signed out, another user may sign in next). */
  stop(): void {
    this.channel?.close();
    this.channel = null;
    this.generation++;
    clearInterval(this.toastTimer);
    this.toastTimer = undefined;
    this.held.clear();
    this._inbox.set(EMPTY_INBOX);
    this._toasts.set(EMPTY_TOASTS);
    this._loaded.set(false);
    this._error.set(null);
  }

  async reload(): Promise<void> {
    const generation = ++this.generation;
    try {
      const page = await this.api.list({ limit: INBOX_PAGE });
      if (generation !== this.generation) return;
      this._inbox.set(replaceInbox(page.notifications, page.unread));
      this._loaded.set(true);
      this._error.set(null);
    } catch (error) {
      if (generation === this.generation) this._error.set(actionErrorMessage(error, 'Could not load your notifications'));
    }
  }

  /** New entries from the socket: into the inbox, and as toasts. */
  receive(entries: readonly NotificationDto[]): void {
    const { inbox, added } = addToInbox(this._inbox(), entries);
    if (added.length === 0) return;
    this._inbox.set(inbox);
    this._toasts.update((queue) => pushToasts(queue, [...added].reverse(), Date.now()));
    this.ensureToastTimer();
  }

  async markRead(id: string): Promise<void> {
    const entry = this._inbox().entries.find((e) => e.id === id);
    if (entry && entry.readAt !== null) return;
    this.applyRead([id]);
    try {
      await this.api.markRead(id);
    } catch (error) {
      this._error.set(actionErrorMessage(error, 'Could not mark the notification read'));
      void this.reload();
    }
  }

  /** Every unread entry of the user, also those not loaded in the panel (`POST /api/notifications/read-all`). */
  async markAllRead(): Promise<void> {
    if (this._markingAll()) return;
    this._markingAll.set(true);
    this._error.set(null);
    this.applyRead(this._inbox().entries.filter((e) => e.readAt === null).map((e) => e.id));
    try {
      await this.api.markAllRead();
    } catch (error) {
      this._error.set(actionErrorMessage(error, 'Could not mark all notifications read'));
    } finally {
      this._markingAll.set(false);
      await this.reload();
    }
  }

  dismissToast(id: string): void {
    this.held.delete(id);
    this._toasts.update((queue) => dismissToast(queue, id));
  }

  /** A toast under the pointer or focused stays until let go. */
  holdToast(id: string, held: boolean): void {
    if (held) this.held.add(id);
    else this.held.delete(id);
  }

  private applyRead(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const set = new Set(ids);
    this._inbox.update((inbox) => markReadInInbox(inbox, set, new Date().toISOString()));
    this._toasts.update((queue) => dropRead(queue, set));
  }

  private ensureToastTimer(): void {
    if (this.toastTimer) return;
    this.toastTimer = setInterval(() => {
      const queue = expireToasts(this._toasts(), Date.now(), this.held);
      if (queue !== this._toasts()) this._toasts.set(queue);
      if (queue.toasts.length === 0) {
        clearInterval(this.toastTimer);
        this.toastTimer = undefined;
      }
    }, TOAST_TICK_MS);
  }
}
