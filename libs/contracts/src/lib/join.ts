/**
 * The driver side of a tracking link (issue #13): the public join page, the browser channel and the
 * GPS-app channels. Every route here is authenticated by the link token or by a device key, never by
 * a dashboard session.
 */

/** How a driver is connected: the Telegram bot, the join page in a browser, or a GPS app. */
export const DRIVER_CHANNELS = ['telegram', 'browser', 'app'] as const;
export type DriverChannel = (typeof DRIVER_CHANNELS)[number];

/** The channels a link can be redeemed through on the join page (Telegram redeems through the bot). */
export const JOIN_CHANNELS = ['browser', 'app'] as const;
export type JoinChannel = (typeof JOIN_CHANNELS)[number];

/** GET /api/join/:token — what the join page shows before the driver picks a channel. */
export interface JoinLinkInfo {
  driverName: string;
  /** `https://t.me/<bot>?start=<token>` when a bot is configured, else null (no Telegram button). */
  telegramUrl: string | null;
  expiresAt: string;
  /** `pending` while unused; `redeemed` once a channel bound the driver (this browser may hold its key). */
  state: 'pending' | 'redeemed';
}

/** POST /api/join/:token */
export interface JoinRequest {
  channel: JoinChannel;
}

/** The URLs a device sends its points to (absolute, from PUBLIC_URL or the request's origin). */
export interface IngestUrls {
  /** OsmAnd protocol (Traccar Client, OsmAnd, GPSLogger): GET or POST with `id=<deviceKey>`. */
  osmandUrl: string;
  /** OwnTracks HTTP mode: POST with Basic auth, password = the device key. */
  owntracksUrl: string;
  /** The browser channel: POST/DELETE with `Authorization: Bearer <deviceKey>`. */
  trackUrl: string;
}

/** 201 from POST /api/join/:token. `deviceKey` is shown once and stored hashed. */
export interface JoinResponse {
  driverId: string;
  driverName: string;
  deviceKey: string;
  ingest: IngestUrls;
}

/** One point of POST /api/track (the body is one of these or an array of them). */
export interface TrackPointRequest {
  lat: number;
  lon: number;
  /** metres */
  accuracy?: number | null;
  /** degrees, 0–360, 0 = north */
  heading?: number | null;
  /** m/s */
  speed?: number | null;
  /** metres above sea level */
  altitude?: number | null;
  /** ISO 8601 */
  recordedAt: string;
  /** 0–100 % */
  battery?: number | null;
}

/** 200 from POST /api/track. */
export interface TrackResponse {
  /** Points stored or already stored (a resend). */
  accepted: number;
}
