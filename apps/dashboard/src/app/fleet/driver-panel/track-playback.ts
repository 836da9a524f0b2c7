import { computed, type Signal, signal } from '@angular/core';
import { greatCircleMetres, initialBearingDegrees, type PositionDto } from '@convoy/contracts';
import type { PlaybackPoint } from '../../map/playback-point';

export const PLAYBACK_SPEEDS = [1, 2, 5, 10, 30, 60] as const;

/** Animation frames (requestAnimationFrame by default; tests drive it by hand). */
export interface FrameLoop {
  request(callback: (timestamp: number) => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameLoop = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * Replays a recorded track: a cursor in time that moves `speed` times faster than the clock while
 * playing, and the interpolated point at the cursor.
 */
export class TrackPlayback {
  private readonly times = computed(() => this.points().map((p) => Date.parse(p.recordedAt)));
  readonly start = computed(() => this.times()[0] ?? 0);
  readonly end = computed(() => this.times().at(-1) ?? 0);
  readonly playing = signal(false);
  readonly speed = signal<number>(10);
  private readonly requested = signal<number | null>(null);
  /** The instant shown (ms), within [start, end]. */
  readonly cursor = computed(() => Math.min(this.end(), Math.max(this.start(), this.requested() ?? this.start())));
  readonly point = computed<PlaybackPoint | null>(() => pointAt(this.points(), this.times(), this.cursor()));
  /** Something to play: at least two points at different times. */
  readonly playable = computed(() => this.end() > this.start());

  private frame: number | null = null;
  private lastTimestamp: number | null = null;

  constructor(
    private readonly points: Signal<readonly PositionDto[]>,
    private readonly frames: FrameLoop = animationFrames,
  ) {}

  toggle(): void {
    if (this.playing()) this.pause();
    else this.play();
  }

  play(): void {
    if (!this.playable() || this.playing()) return;
    if (this.cursor() >= this.end()) this.requested.set(this.start());
    this.playing.set(true);
    this.lastTimestamp = null;
    this.frame = this.frames.request(this.advance);
  }

  pause(): void {
    this.playing.set(false);
    if (this.frame !== null) this.frames.cancel(this.frame);
    this.frame = null;
  }

  seek(at: number): void {
    this.requested.set(at);
  }

  /** Back to the start, paused (a new track was loaded). */
  reset(): void {
    this.pause();
    this.requested.set(null);
  }

  private readonly advance = (timestamp: number): void => {
    if (!this.playing()) return;
    if (this.lastTimestamp !== null) {
      const next = this.cursor() + (timestamp - this.lastTimestamp) * this.speed();
      this.requested.set(next);
      if (next >= this.end()) {
        this.pause();
        return;
      }
    }
    this.lastTimestamp = timestamp;
    this.frame = this.frames.request(this.advance);
  };
}

/** The point at instant `at`, on the straight line between the recorded points either side of it. */
export function pointAt(points: readonly PositionDto[], times: readonly number[], at: number): PlaybackPoint | null {
  if (points.length === 0) return null;
  const lastIndex = points.length - 1;
  if (points.length === 1 || at <= times[0]) return pointOf(points[0], points[1], 0, times[0]);
  if (at >= times[lastIndex]) return pointOf(points[lastIndex], null, 0, times[lastIndex], points[lastIndex - 1]);
  let low = 0;
  let high = lastIndex;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (times[middle] <= at) low = middle;
    else high = middle;
  }
  const span = times[high] - times[low];
  return pointOf(points[low], points[high], span > 0 ? (at - times[low]) / span : 0, at);
}

function pointOf(
  a: PositionDto,
  b: PositionDto | null | undefined,
  fraction: number,
  at: number,
  before?: PositionDto,
): PlaybackPoint {
  const latitude = b ? a.latitude + (b.latitude - a.latitude) * fraction : a.latitude;
  const longitude = b ? a.longitude + (b.longitude - a.longitude) * fraction : a.longitude;
  const heading = a.heading ?? (b ? bearing(a, b) : before ? bearing(before, a) : null);
  return { latitude, longitude, heading, at };
}

/** Initial bearing from a to b, degrees clockwise from north; null when they are the same place. */
export function bearing(a: PositionDto, b: PositionDto): number | null {
  if (a.latitude === b.latitude && a.longitude === b.longitude) return null;
  return initialBearingDegrees(a.latitude, a.longitude, b.latitude, b.longitude);
}

/** Length of the track along its points, in metres (haversine). */
export function trackLength(points: readonly PositionDto[]): number {
  let metres = 0;
  for (let i = 1; i < points.length; i++) metres += greatCircleMetres(points[i - 1].latitude, points[i - 1].longitude, points[i].latitude, points[i].longitude);
  return metres;
}
