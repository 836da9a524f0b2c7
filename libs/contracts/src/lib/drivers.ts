import type { DriverChannel } from './join';
import type { CurrentPlaceDto } from './visits';

/**
 * live: a position arrived within 2 × the expected interval (AUTO_TRACK_INTERVAL);
 * stale: the last position is older than that but the driver is still sharing, or recently seen;
 * offline: nothing for a long time, or never;
 * sharing-ended: the driver stopped sharing (Telegram live location ended, expired, or /stop).
 */
export const DRIVER_STATUSES = ['live', 'stale', 'offline', 'sharing-ended'] as const;
export type DriverStatus = (typeof DRIVER_STATUSES)[number];

/** Where a position came from. */
export const POSITION_SOURCES = ['telegram-live', 'telegram-checkin', 'browser', 'osmand', 'owntracks', 'demo'] as const;
export type PositionSource = (typeof POSITION_SOURCES)[number];

export interface PositionDto {
  driverId: string;
  latitude: number;
  longitude: number;
  /** Radius of uncertainty in metres (Telegram: 0–1500). */
  accuracy: number | null;
  /** Direction of travel in degrees (1–360). */
  heading: number | null;
  /** Metres per second; derived from the previous point when the source gives none. */
  speed: number | null;
  recordedAt: string;
  source: PositionSource;
  /** Device battery in % (0–100) when the channel reports it (GPS apps, some browsers). */
  battery?: number | null;
  /** Metres above sea level when the channel reports it. */
  altitude?: number | null;
}

export interface TelegramIdentityDto {
  userId: number;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  languageCode: string | null;
}

export interface DriverDto {
  id: string;
  name: string;
  status: DriverStatus;
  /** How the driver is connected now: Telegram, the join page in a browser, a GPS app; null when unbound. */
  channel: DriverChannel | null;
  telegram: TelegramIdentityDto | null;
  lastPosition: PositionDto | null;
  /** While a Telegram live location is shared: when it expires (null = indefinitely / not sharing). */
  liveUntil: string | null;
  /** When the current sharing session began, null when not sharing. */
  sharingSince: string | null;
  /** When the driver last stopped sharing (or the live period ran out); null when never. */
  sharingEndedAt: string | null;
  /** Simulated driver of the demo fleet. */
  demo: boolean;
  createdAt: string;
  /**
   * When this driver's personal data was erased (positions, Telegram identity, name, link notes);
   * the row stays as a "driver left and erased their data" entry. null while not erased.
   */
  erasedAt: string | null;
  /** Who erased it: the driver themselves (bot `/delete`) or a dispatcher. null while not erased. */
  erasedBy: DriverErasedBy | null;
  /** The driver's open visit (issue #9): at this place since; null when at none. */
  currentPlace: CurrentPlaceDto | null;
  /** The driver's messages no dispatcher has read yet (issue #10). */
  unreadMessages: number;
}

export const DRIVER_ERASED_BY = ['driver', 'dispatcher'] as const;
export type DriverErasedBy = (typeof DRIVER_ERASED_BY)[number];

/** What an erased driver is called everywhere (their own name is personal data). */
export const ERASED_DRIVER_NAME = 'Erased driver';

/** POST /api/drivers/:id/erase — the driver's current name, typed by the dispatcher to confirm. */
export interface EraseDriverRequest {
  confirmName: string;
}

export interface UpdateDriverRequest {
  name: string;
}

/** GET /api/drivers/:id/positions?format= */
export const POSITION_EXPORT_FORMATS = ['json', 'csv', 'gpx', 'geojson'] as const;
export type PositionExportFormat = (typeof POSITION_EXPORT_FORMATS)[number];

/** The longest range one history or export request may ask for (400 `RANGE_TOO_LONG` above it). */
export const MAX_HISTORY_RANGE_DAYS = 93;

export interface PositionHistoryDto {
  driverId: string;
  from: string;
  to: string;
  /** Points in the range before downsampling. */
  total: number;
  /** true when `total` exceeded the cap and points were thinned evenly in time. */
  downsampled: boolean;
  /**
   * The most points a JSON answer carries (for the map); above it every `thinningStep`-th point is
   * kept, plus the last. Exports (csv, gpx, geojson) always contain every stored point.
   */
  maxPoints: number;
  /** 1 = every point; n = every n-th point in time order (and the last). */
  thinningStep: number;
  positions: PositionDto[];
}
