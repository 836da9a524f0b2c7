import type { RecordedFrames } from './frame-recorder';

export interface FrameStats {
  seconds: number;
  frames: number;
  /** Frames per second, per one-second window of the run. */
  fps: { median: number; p5: number; min: number; mean: number };
  /** Time between consecutive frames (ms). */
  frameMs: { median: number; p95: number; p99: number; max: number };
  framesOver50ms: number;
  framesOver200ms: number;
  /** The longest frame by either measure: rAF gap or long-animation-frame duration. */
  longestFrameMs: number;
  longAnimationFrames: { supported: boolean; count: number; maxMs: number; totalBlockingMs: number; worst: Array<{ durationMs: number; scripts: string[] }> };
  longTasks: { count: number; maxMs: number };
  /** The app's own User Timing measures (cv:*): how often, median and longest (ms). */
  appWork: Record<string, { count: number; medianMs: number; maxMs: number; totalMs: number }>;
}

export function frameStats(recorded: RecordedFrames): FrameStats {
  const { frames } = recorded;
  const gaps: number[] = [];
  for (let i = 1; i < frames.length; i++) gaps.push(frames[i] - frames[i - 1]);
  const sortedGaps = [...gaps].sort((a, b) => a - b);

  const perSecond: number[] = [];
  if (frames.length > 1) {
    const start = frames[0];
    const whole = Math.floor((frames[frames.length - 1] - start) / 1000);
    for (let s = 0; s < whole; s++) perSecond.push(0);
    for (const t of frames) {
      const window = Math.floor((t - start) / 1000);
      if (window < whole) perSecond[window]++;
    }
  }
  const sortedFps = [...perSecond].sort((a, b) => a - b);
  const loafMax = Math.max(0, ...recorded.longFrames.map((f) => f.duration));
  const worst = [...recorded.longFrames].sort((a, b) => b.duration - a.duration).slice(0, 5);

  return {
    seconds: perSecond.length,
    frames: frames.length,
    fps: {
      median: round(percentile(sortedFps, 50)),
      p5: round(percentile(sortedFps, 5)),
      min: round(sortedFps[0] ?? 0),
      mean: round(perSecond.reduce((a, b) => a + b, 0) / (perSecond.length || 1)),
    },
    frameMs: {
      median: round(percentile(sortedGaps, 50)),
      p95: round(percentile(sortedGaps, 95)),
      p99: round(percentile(sortedGaps, 99)),
      max: round(sortedGaps.at(-1) ?? 0),
    },
    framesOver50ms: gaps.filter((g) => g > 50).length,
    framesOver200ms: gaps.filter((g) => g > 200).length,
    longestFrameMs: round(Math.max(sortedGaps.at(-1) ?? 0, loafMax)),
    longAnimationFrames: {
      supported: recorded.loafSupported,
      count: recorded.longFrames.length,
      maxMs: round(loafMax),
      totalBlockingMs: round(recorded.longFrames.reduce((sum, f) => sum + f.blocking, 0)),
      worst: worst.map((f) => ({ durationMs: round(f.duration), scripts: f.scripts })),
    },
    longTasks: { count: recorded.longTasks.length, maxMs: round(Math.max(0, ...recorded.longTasks)) },
    appWork: Object.fromEntries(
      Object.entries(recorded.measures).map(([name, durations]) => {
        const sorted = [...durations].sort((a, b) => a - b);
        return [
          name,
          {
            count: sorted.length,
            medianMs: round(percentile(sorted, 50)),
            maxMs: round(sorted.at(-1) ?? 0),
            totalMs: round(sorted.reduce((a, b) => a + b, 0)),
          },
        ];
      }),
    ),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
