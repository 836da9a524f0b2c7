import type { PositionSource } from './drivers';

/**
 * One location from any source (Telegram live/check-in, the browser page, GPS apps, the demo fleet),
 * as handed to TrackingService.ingest(). Validated there: nothing invalid is ever stored.
 */
export interface LocationReport {
  driverId: string;
  latitude: number;
  longitude: number;
  accuracy?: number | null;
  heading?: number | null;
  /** m/s when the source measured it; otherwise derived from the previous point. */
  speed?: number | null;
  /** Device battery, 0–100 %, when the channel reports it. */
  battery?: number | null;
  /** Metres above sea level, when the channel reports it. */
  altitude?: number | null;
  /** When the device was there (Telegram: message date, or edit_date for live updates). */
  recordedAt: Date;
  source: PositionSource;
  /** Telegram update_id: a redelivered update is stored once. */
  telegramUpdateId?: number | null;
  /**
   * Telegram sources: who sent it. The point is stored only while the driver is still bound to this
   * Telegram user — checked in the same statement that writes it, so a /stop, re-bind or deletion
   * on another instance always wins over what this instance remembers.
   */
  telegramUserId?: number | null;
}
