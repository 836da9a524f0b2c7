/** Telegram's notion of "now": Unix time in whole seconds, as in every `date` and `edit_date`. */
export interface TelegramClock {
  now(): number;
}

export const systemTelegramClock: TelegramClock = {
  now: () => Math.floor(Date.now() / 1000),
};

/**
 * A clock a test moves by hand, so `date`/`edit_date` of fixtures and of the double's sent messages
 * are predictable (e.g. to prove a live location expired after `live_period`).
 */
export class FakeTelegramClock implements TelegramClock {
  private current: number;

  /** @param start Unix seconds; defaults to the real current time so dates stay plausible. */
  constructor(start: number = systemTelegramClock.now()) {
    this.current = Math.floor(start);
  }

  now(): number {
    return this.current;
  }

  advance(seconds: number): number {
    this.current += Math.floor(seconds);
    return this.current;
  }

  set(unixSeconds: number): void {
    this.current = Math.floor(unixSeconds);
  }
}
