/** Where a track playback is: a point between two recorded positions. */
export interface PlaybackPoint {
  latitude: number;
  longitude: number;
  /** Degrees clockwise from north, null when unknown. */
  heading: number | null;
  /** The instant shown (ms). */
  at: number;
}
