/** One stored position as a row (tests, tools); reports work on `PositionTrack`s. */
export interface ReportPosition {
  lat: number;
  lon: number;
  /** Metres; null = unknown. */
  accuracy: number | null;
  /** m/s as stored (sent by the channel or derived at ingest); null = unknown. */
  speed: number | null;
  /** Epoch ms. */
  t: number;
}

/**
 * One driver's positions, oldest first, as columns: five views over one Float64Array. A day of
 * 1-second points is one 3.5 MB allocation outside the JS heap instead of 86,400 objects, so a fleet
 * summary (8.6 M points) leaves no garbage for the collector to promote and the heap does not grow
 * with it; the buffer goes back to the system when the track is dropped (docs/architecture.md
 * "Reports" › "Columns"). Unknown accuracy or speed is NaN.
 */
export interface PositionTrack {
  readonly length: number;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly accuracy: Float64Array;
  readonly speed: Float64Array;
  /** Epoch ms. */
  readonly t: Float64Array;
}

/** A track of `length` points, every column zero. */
export function allocateTrack(length: number): PositionTrack {
  const all = new Float64Array(length * 5);
  const column = (k: number) => all.subarray(k * length, (k + 1) * length);
  return { length, lat: column(0), lon: column(1), accuracy: column(2), speed: column(3), t: column(4) };
}

export const EMPTY_TRACK: PositionTrack = allocateTrack(0);

/** The track of rows (tests, small inputs). */
export function trackOf(points: readonly ReportPosition[]): PositionTrack {
  const track = allocateTrack(points.length);
  points.forEach((p, i) => {
    track.lat[i] = p.lat;
    track.lon[i] = p.lon;
    track.accuracy[i] = p.accuracy ?? NaN;
    track.speed[i] = p.speed ?? NaN;
    track.t[i] = p.t;
  });
  return track;
}

/** Point `i` as a row (null for unknown accuracy or speed). */
export function pointAt(track: PositionTrack, i: number): ReportPosition {
  const accuracy = track.accuracy[i];
  const speed = track.speed[i];
  return { lat: track.lat[i], lon: track.lon[i], accuracy: Number.isNaN(accuracy) ? null : accuracy, speed: Number.isNaN(speed) ? null : speed, t: track.t[i] };
}

/** Every point as a row. */
export function pointsOf(track: PositionTrack): ReportPosition[] {
  return Array.from({ length: track.length }, (_, i) => pointAt(track, i));
}

/** Consecutive slices of one range as one track. */
export function concatTracks(tracks: readonly PositionTrack[]): PositionTrack {
  if (tracks.length === 1) return tracks[0];
  const track = allocateTrack(tracks.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of tracks) {
    for (const key of ['lat', 'lon', 'accuracy', 'speed', 't'] as const) track[key].set(part[key], at);
    at += part.length;
  }
  return track;
}
