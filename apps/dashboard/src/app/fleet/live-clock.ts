import { DestroyRef, inject, Injectable, signal } from '@angular/core';

/** One ticking clock for every "last seen 3 min ago" on the page, rather than a timer per row. */
@Injectable()
export class LiveClock {
  private readonly _now = signal(Date.now());
  /** Now (ms), updated every second. */
  readonly now = this._now.asReadonly();

  constructor() {
    const timer = setInterval(() => this._now.set(Date.now()), 1_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
