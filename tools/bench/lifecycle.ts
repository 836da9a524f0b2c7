/**
 * Everything the bench starts registers how to stop it here; `run()` stops it all in reverse order,
 * each step bounded, on success, on error, on Ctrl-C and when the wall-clock watchdog fires.
 */
export class Cleanup {
  private readonly steps: Array<{ name: string; stop: () => Promise<unknown> | unknown }> = [];
  private running: Promise<void> | null = null;

  add(name: string, stop: () => Promise<unknown> | unknown): void {
    this.steps.push({ name, stop });
  }

  run(stepTimeoutMs = 15_000): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) {
        const step = this.steps.pop() as (typeof this.steps)[number];
        if (process.env["BENCH_DEBUG"]) console.error(`[bench] cleanup: ${step.name}`);
        try {
          await withTimeout(Promise.resolve().then(step.stop), stepTimeoutMs, `stopping ${step.name}`);
        } catch (error) {
          console.error(`[bench] cleanup: ${(error as Error).message}`);
        }
      }
    })();
    return this.running;
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `fn` over `items` with at most `concurrency` at a time; rejects on the first failure. */
export async function mapLimit<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Polls `check` every `intervalMs` until it returns a value, or throws after `timeoutMs`. */
export async function waitUntil<T>(check: () => T | undefined | null | false, timeoutMs: number, what: string, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * A monotonic clock shared by every process on this machine (CLOCK_MONOTONIC), in milliseconds since
 * `origin`: the load generator stamps a send, the dashboards process stamps the receipt, and the two
 * can be subtracted.
 */
export function monotonicMs(origin: bigint): number {
  return Number(process.hrtime.bigint() - origin) / 1e6;
}
