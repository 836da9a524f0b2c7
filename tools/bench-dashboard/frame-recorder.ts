/**
 * Runs in the page (Playwright addInitScript, before the app): records every animation frame's
 * timestamp and the browser's own long-animation-frame / longtask entries while `recording` is on.
 */
export function installFrameRecorder(): void {
  interface LongFrame {
    start: number;
    duration: number;
    blocking: number;
    scripts: string[];
  }
  const state = {
    recording: false,
    frames: [] as number[],
    longFrames: [] as LongFrame[],
    longTasks: [] as number[],
    /** User Timing measures of the app (`cv:*`): name → durations (ms). */
    measures: {} as Record<string, number[]>,
    loafSupported: false,
    start() {
      state.frames = [];
      state.longFrames = [];
      state.longTasks = [];
      state.measures = {};
      state.recording = true;
    },
    stop() {
      state.recording = false;
    },
  };
  (window as unknown as { __frameRecorder: typeof state }).__frameRecorder = state;

  const onFrame = (timestamp: number) => {
    if (state.recording) state.frames.push(timestamp);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  try {
    new PerformanceObserver((list) => {
      if (!state.recording) return;
      for (const entry of list.getEntries() as Array<PerformanceEntry & { blockingDuration?: number; scripts?: Array<{ sourceFunctionName?: string; sourceURL?: string; duration?: number; invoker?: string }> }>) {
        state.longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          blocking: entry.blockingDuration ?? 0,
          scripts: (entry.scripts ?? [])
            .slice(0, 3)
            .map((s) => `${s.invoker ?? ''} ${s.sourceFunctionName ?? ''} ${(s.sourceURL ?? '').split('/').pop()} ${Math.round(s.duration ?? 0)}ms`.trim()),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
    state.loafSupported = true;
  } catch {
    // older browser: longtask below still reports
  }
  try {
    new PerformanceObserver((list) => {
      if (!state.recording) return;
      for (const entry of list.getEntries()) (state.measures[entry.name] ??= []).push(entry.duration);
    }).observe({ type: 'measure', buffered: false });
  } catch {
    // not supported
  }
  try {
    new PerformanceObserver((list) => {
      if (!state.recording) return;
      for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    // not supported
  }
}

export interface RecordedFrames {
  frames: number[];
  longFrames: Array<{ start: number; duration: number; blocking: number; scripts: string[] }>;
  longTasks: number[];
  measures: Record<string, number[]>;
  loafSupported: boolean;
}
