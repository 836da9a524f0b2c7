import { notificationFixture as entry } from './notifications-testing';
import { dismissToast, dropRead, EMPTY_TOASTS, expireToasts, MAX_TOASTS, pushToasts, TOAST_MS } from './toast-queue';

describe('toast queue', () => {
  it(`shows at most ${MAX_TOASTS}, the newest, and counts the others as waiting in the inbox`, () => {
    const burst = Array.from({ length: 10 }, () => entry());
    const queue = pushToasts(EMPTY_TOASTS, burst, 0);

    expect(queue.toasts.map((t) => t.notification.id)).toEqual(burst.slice(-MAX_TOASTS).map((n) => n.id));
    expect(queue.hidden).toBe(10 - MAX_TOASTS);
  });

  it('does not show the same entry twice, nor one already read', () => {
    const one = entry();
    let queue = pushToasts(EMPTY_TOASTS, [one], 0);
    queue = pushToasts(queue, [one, entry({ readAt: '2026-12-01T10:00:00.000Z' })], 10);
    expect(queue.toasts).toHaveLength(1);
  });

  it('dismisses one; when the last goes, the "more" count goes too', () => {
    const [a, b, c, d] = [entry(), entry(), entry(), entry()];
    let queue = pushToasts(EMPTY_TOASTS, [a, b, c, d], 0);
    expect(queue.hidden).toBe(1);

    queue = dismissToast(queue, b.id);
    expect(queue.toasts.map((t) => t.notification.id)).toEqual([c.id, d.id]);
    expect(queue.hidden).toBe(1);

    queue = dismissToast(dismissToast(queue, c.id), d.id);
    expect(queue).toEqual(EMPTY_TOASTS);
  });

  it('lets toasts go after a while, except one under the pointer', () => {
    const [a, b] = [entry(), entry()];
    let queue = pushToasts(EMPTY_TOASTS, [a], 0);
    queue = pushToasts(queue, [b], 5_000);

    expect(expireToasts(queue, TOAST_MS - 1)).toBe(queue);
    queue = expireToasts(queue, TOAST_MS, new Set());
    expect(queue.toasts.map((t) => t.notification.id)).toEqual([b.id]);

    expect(expireToasts(queue, 60_000, new Set([b.id])).toasts).toHaveLength(1);
    expect(expireToasts(queue, 60_000).toasts).toHaveLength(0);
  });

  it('drops toasts of entries read meanwhile (in the inbox or another tab)', () => {
    const [a, b] = [entry(), entry()];
    const queue = dropRead(pushToasts(EMPTY_TOASTS, [a, b], 0), new Set([a.id]));
    expect(queue.toasts.map((t) => t.notification.id)).toEqual([b.id]);
  });
});
