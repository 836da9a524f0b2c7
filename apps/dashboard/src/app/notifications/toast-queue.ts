import type { NotificationDto } from '@convoy/contracts';

/** At most this many toasts on screen; a newer one pushes the oldest out. */
export const MAX_TOASTS = 3;
/** A toast goes by itself after this long (hovering or focusing it holds it). */
export const TOAST_MS = 8_000;

export interface Toast {
  notification: NotificationDto;
  /** When it appeared (ms). */
  shownAt: number;
}

/**
 * The toasts on screen, newest last. A burst (ten arrivals in one commit) never stacks up: the stack
 * keeps the newest MAX_TOASTS and counts the rest in `hidden`, which the stack shows as "+N more in the inbox".
 */
export interface ToastQueue {
  toasts: readonly Toast[];
  /** Pushed out without being seen as a toast (still in the inbox). */
  hidden: number;
}

export const EMPTY_TOASTS: ToastQueue = { toasts: [], hidden: 0 };

export function pushToasts(queue: ToastQueue, notifications: readonly NotificationDto[], now: number): ToastQueue {
  const shown = new Set(queue.toasts.map((toast) => toast.notification.id));
  const fresh = notifications.filter((n) => n.readAt === null && !shown.has(n.id)).map((notification) => ({ notification, shownAt: now }));
  if (fresh.length === 0) return queue;
  const all = [...queue.toasts, ...fresh];
  const overflow = Math.max(0, all.length - MAX_TOASTS);
  return { toasts: all.slice(overflow), hidden: queue.hidden + overflow };
}

export function dismissToast(queue: ToastQueue, id: string): ToastQueue {
  const toasts = queue.toasts.filter((toast) => toast.notification.id !== id);
  if (toasts.length === queue.toasts.length) return queue;
  return { toasts, hidden: toasts.length === 0 ? 0 : queue.hidden };
}

/** Toasts older than TOAST_MS go, except `held` (under the pointer or focused). */
export function expireToasts(queue: ToastQueue, now: number, held: ReadonlySet<string> = new Set()): ToastQueue {
  const toasts = queue.toasts.filter((toast) => held.has(toast.notification.id) || now - toast.shownAt < TOAST_MS);
  if (toasts.length === queue.toasts.length) return queue;
  return { toasts, hidden: toasts.length === 0 ? 0 : queue.hidden };
}

/** Entries the user has read (in the inbox, or another tab) leave the stack. */
export function dropRead(queue: ToastQueue, readIds: ReadonlySet<string>): ToastQueue {
  const toasts = queue.toasts.filter((toast) => !readIds.has(toast.notification.id));
  if (toasts.length === queue.toasts.length) return queue;
  return { toasts, hidden: toasts.length === 0 ? 0 : queue.hidden };
}
