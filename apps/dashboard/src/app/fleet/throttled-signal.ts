import { DestroyRef, effect, inject, type Signal, signal, untracked } from '@angular/core';

/**
 * `source`, but at most one update every `intervalMs`: the first change after a quiet period passes
 * at once, later ones are folded into one update at the end of the interval (the latest value wins).
 * For views that need not follow every animation frame, like a list sorted by "last seen" with
 * 10,000 rows behind it. Call in an injection context.
 */
export function throttledSignal<T>(source: Signal<T>, intervalMs: number): Signal<T> {
  let emitted = untracked(source);
  const output = signal(emitted, { equal: () => false });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastEmit = Number.NEGATIVE_INFINITY;
  const emit = () => {
    timer = undefined;
    lastEmit = Date.now();
    emitted = untracked(source);
    output.set(emitted);
  };
  effect(() => {
    // the effect's first run sees the value `output` starts with: that is not a change, and must not
    // hold back the first real one (an empty list would say "No drivers match" for a second)
    if (source() === emitted || timer !== undefined) return;
    const wait = lastEmit + intervalMs - Date.now();
    if (wait <= 0) untracked(emit);
    else timer = setTimeout(emit, wait);
  });
  inject(DestroyRef).onDestroy(() => clearTimeout(timer));
  return output.asReadonly();
}
