import { DestroyRef, inject, type Signal, signal } from '@angular/core';

/** Whether a CSS media query matches, kept current. Call in an injection context. */
export function mediaQuery(query: string): Signal<boolean> {
  if (typeof matchMedia !== 'function') return signal(false).asReadonly();
  const list = matchMedia(query);
  const matches = signal(list.matches);
  const listener = (event: MediaQueryListEvent) => matches.set(event.matches);
  list.addEventListener('change', listener);
  inject(DestroyRef).onDestroy(() => list.removeEventListener('change', listener));
  return matches.asReadonly();
}

/** Phones and narrow windows: the driver list becomes a drawer, the panel a bottom sheet. */
export const NARROW_SCREEN = '(max-width: 767.98px)';
