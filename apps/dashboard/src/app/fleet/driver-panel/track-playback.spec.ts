import { signal } from '@angular/core';
import { positionAt } from '../../core/live/live-test-data';
import { bearing, pointAt, type FrameLoop, TrackPlayback, trackLength } from './track-playback';

const T0 = Date.parse('2026-11-24T09:00:00Z');
const track = [
  { ...positionAt('d', T0, 50, 14), heading: null },
  { ...positionAt('d', T0 + 60_000, 50.01, 14), heading: null },
  { ...positionAt('d', T0 + 120_000, 50.01, 14.02), heading: null },
];
const times = track.map((p) => Date.parse(p.recordedAt));

/** Frames run by the test: `frame(t)` calls what was requested with timestamp t. */
function manualFrames(): FrameLoop & { frame(timestamp: number): void } {
  let pending: ((t: number) => void) | null = null;
  return {
    request: (callback) => {
      pending = callback;
      return 1;
    },
    cancel: () => (pending = null),
    frame: (timestamp) => {
      const run = pending;
      pending = null;
      run?.(timestamp);
    },
  };
}

describe('track playback', () => {
  it('interpolates between the recorded points, heading along the way', () => {
    const halfway = pointAt(track, times, T0 + 30_000);
    expect(halfway?.latitude).toBeCloseTo(50.005, 6);
    expect(halfway?.longitude).toBeCloseTo(14, 6);
    expect(halfway?.heading).toBeCloseTo(0, 3); // due north
    expect(pointAt(track, times, T0 + 90_000)?.heading).toBeCloseTo(90, 0); // due east
    expect(pointAt(track, times, T0 - 1)).toMatchObject({ latitude: 50, longitude: 14 });
    expect(pointAt(track, times, T0 + 999_999)).toMatchObject({ latitude: 50.01, longitude: 14.02 });
    expect(pointAt([], [], T0)).toBeNull();
  });

  it('plays at the chosen speed and stops at the end', () => {
    const frames = manualFrames();
    const playback = new TrackPlayback(signal(track), frames);
    playback.speed.set(60);
    playback.play();
    expect(playback.playing()).toBe(true);

    frames.frame(1_000);
    frames.frame(2_000); // one second at 60× = one minute of track
    expect(playback.cursor()).toBe(T0 + 60_000);
    expect(playback.point()).toMatchObject({ latitude: 50.01, longitude: 14 });

    frames.frame(3_500); // past the end
    expect(playback.cursor()).toBe(T0 + 120_000);
    expect(playback.playing()).toBe(false);

    playback.play(); // from the end, it starts over
    expect(playback.cursor()).toBe(T0);
  });

  it('seeks, pauses and resets', () => {
    const playback = new TrackPlayback(signal(track), manualFrames());
    playback.seek(T0 + 90_000);
    expect(playback.cursor()).toBe(T0 + 90_000);
    playback.seek(T0 + 10_000_000);
    expect(playback.cursor()).toBe(T0 + 120_000);
    playback.play();
    playback.pause();
    expect(playback.playing()).toBe(false);
    playback.reset();
    expect(playback.cursor()).toBe(T0);
  });

  it('measures the track and its bearings', () => {
    expect(trackLength(track)).toBeGreaterThan(2_500); // 1.11 km north + 1.43 km east
    expect(trackLength(track)).toBeLessThan(2_600);
    expect(bearing(track[0], track[0])).toBeNull();
  });
});
