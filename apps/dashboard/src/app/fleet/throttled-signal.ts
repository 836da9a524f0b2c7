import { DestroyRef, effect, inject, type Signal, signal, untracked } from '@angular/core';

/**
 * `source`, but at most one update every `intervalMs`: the first change after a quiet period passes
 * at once, later ones are folded into one update at the end of the interval (the latest value wins).
 * For views that need not follow every animation frame, like a list sorted by "last seen" with
 * 10,000 rows behind it. Call in an injection context.
 */
export function throttledSignal<T>(source: Signal<T>, intervalMs: number): Signal<T> {
  const output = signal(untracked(source), { equal: () => false });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastEmit = Number.NEGATIVE_INFINITY;
  const emit = () => {
    timer = undefined;
    lastEmit = Date.now();
    output.set(untracked(source));
  };
  effect(() => {
    source();
    if (timer !== undefined) return;
    const wait = lastEmit + intervalMs - Date.now();
    if (wait <= 0) untracked(emit);
    else timer = setTimeout(emit, wait);
  });
  inject(DestroyRef).onDestroy(() => clearTimeout(timer));
  return output.asReadonly();
}
