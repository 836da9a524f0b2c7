/** Latency samples (ms), kept exactly up to a cap, summarised as percentiles. */
export class Samples {
  private values: Float64Array;
  private length = 0;
  /** samples offered beyond the cap (not kept) */
  dropped = 0;

  constructor(private readonly cap = 2_000_000) {
    this.values = new Float64Array(Math.min(cap, 65_536));
  }

  add(value: number): void {
    if (this.length === this.values.length) {
      if (this.length >= this.cap) {
        this.dropped += 1;
        return;
      }
      const grown = new Float64Array(Math.min(this.cap, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  get count(): number {
    return this.length;
  }

  summary(): LatencySummary {
    const sorted = this.values.slice(0, this.length).sort();
    return summarize(sorted);
  }
}

export interface LatencySummary {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

/** Nearest-rank percentiles of already sorted samples, rounded to 0.01 ms. */
export function summarize(sorted: Float64Array): LatencySummary {
  const n = sorted.length;
  const at = (q: number) => (n === 0 ? null : round2(sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]));
  return { count: n, p50: at(0.5), p99: at(0.99), max: n === 0 ? null : round2(sorted[n - 1]) };
}

export const round2 = (value: number) => Math.round(value * 100) / 100;
