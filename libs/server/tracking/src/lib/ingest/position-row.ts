import type { PositionSource } from '@convoy/contracts';

/** A validated position on its way to Postgres. */
export interface PositionRow {
  driverId: string;
  latitude: number;
  longitude: number;
  accuracy: number | null;
  heading: number | null;
  speed: number | null;
  battery: number | null;
  altitude: number | null;
  recordedAt: Date;
  source: PositionSource;
  telegramUpdateId: number | null;
  /** Telegram sender: written only while drivers.telegram_user_id still equals it (null: no check). */
  telegramUserId: number | null;
  /** false: only the driver's latest position moves (AUTO_TRACK_INTERVAL thins the history). */
  persist: boolean;
  /** performance.now() when ingest() received it, for the ingest→broadcast latency metric. */
  receivedAt: number;
}

/**
 * How a write ended for one row. `unknown-driver`: the driver no longer exists, or (Telegram) is no
 * longer bound to the sending user — nothing was written for it.
 */
export type WriteOutcome = 'stored' | 'latest-only' | 'duplicate' | 'unknown-driver';
