import { InjectionToken } from '@angular/core';

/** Runs a callback once, at the next animation frame; returns a function that cancels it. */
export type FrameScheduler = (callback: () => void) => () => void;

/** A hidden tab gets no animation frames: this timeout keeps the queue from growing meanwhile. */
const HIDDEN_TAB_FALLBACK_MS = 500;

/** requestAnimationFrame, with a timeout in case frames do not come (background tab). */
export const animationFrameScheduler: FrameScheduler = (callback) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, HIDDEN_TAB_FALLBACK_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export const FRAME_SCHEDULER = new InjectionToken<FrameScheduler>('FRAME_SCHEDULER', {
  providedIn: 'root',
  factory: () => animationFrameScheduler,
});
