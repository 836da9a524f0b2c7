/** Thrown when no hashing slot became free in time (or the queue is full): the caller answers 503. */
export class HashingBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Password hashing is at capacity');
    this.name = 'HashingBusyError';
  }
}

export interface HashingSlotsOptions {
  /** Hashes that may run at once; each holds its memory (≤ 64 MiB) until it ends. */
  slots: number;
  /** How long a caller waits for a slot before it is refused. */
  maxWaitMs: number;
  /** Callers that may wait at all; the next one is refused at once. */
  maxQueue: number;
  /** Told to refused callers (`Retry-After`). */
  retryAfterSeconds: number;
}

/**
 * A counting semaphore with a bounded, timed queue: at most `slots` expensive hashes run, a burst
 * waits briefly in order, and what cannot be served soon is refused instead of piling up memory.
 */
export class HashingSlots {
  private running = 0;
  private readonly waiting: Array<{ grant: () => void; timer: NodeJS.Timeout }> = [];

  constructor(private readonly options: HashingSlotsOptions) {}

  get inUse(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `work` in a slot; rejects with HashingBusyError when none frees up in time. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.options.slots) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.maxQueue) return Promise.reject(this.busy());
    return new Promise<void>((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(entry);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(this.busy());
        }, this.options.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // the slot passes straight to the next caller: `running` stays the same
    if (next) next.grant();
    else this.running--;
  }

  private busy(): HashingBusyError {
    return new HashingBusyError(this.options.retryAfterSeconds);
  }
}
