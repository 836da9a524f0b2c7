interface PendingWait {
  check(): boolean;
  fail(error: Error): void;
}

/**
 * Promises that resolve when a condition over recorded state becomes true. Event-driven (the owner
 * calls `notify()` after each change) rather than polled, and every wait has a deadline so a test
 * that waits for something that never happens fails with a message instead of hanging.
 */
export class Waiters {
  private readonly pending = new Set<PendingWait>();

  waitFor<T>(find: () => T | undefined, timeoutMs: number, describeTimeout: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const wait: PendingWait = {
        check: () => {
          const found = find();
          if (found === undefined) return false;
          done();
          resolve(found);
          return true;
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const timer = setTimeout(() => wait.fail(new Error(describeTimeout())), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(wait);
      };
      this.pending.add(wait);
      wait.check();
    });
  }

  notify(): void {
    for (const wait of [...this.pending]) wait.check();
  }

  rejectAll(reason: string): void {
    for (const wait of [...this.pending]) wait.fail(new Error(reason));
  }
}
