/**
 * Reading Prometheus' text exposition format as a scraper would: enough to add up the samples of
 * one metric across replicas.
 */

/** Sum of every sample of `name` whose labels include `labels` (all samples when none are given). */
export function metricSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const sampleLabels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => sampleLabels[key] === value)) sum += Number(match[3]);
  }
  return sum;
}

/**
 * Scrapes `url` every `everyMs` until it stops answering (the process is gone) and resolves with the
 * last successful scrape — a stopping replica's final counts, as Prometheus last saw them.
 */
export async function scrapeUntilGone(url: string, everyMs = 100): Promise<string> {
  let last = '';
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) return last;
      last = await response.text();
    } catch {
      return last;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
