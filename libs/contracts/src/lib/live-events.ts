import type { DriverDto, PositionDto } from './drivers';

/** Socket.IO namespace of the live feed. Authenticate with the session cookie or `auth: {token}`. */
export const LIVE_NAMESPACE = '/live';

/**
 * Why `/live` refused a handshake (the `connect_error` message): `unauthorized` — no valid session or
 * token, sign in again; `unavailable` — the server could not check (its database is down), retry.
 */
export const LIVE_REFUSALS = { unauthorized: 'unauthorized', unavailable: 'unavailable' } as const;

export type DriverChange =
  | { type: 'upsert'; driver: DriverDto }
  | { type: 'deleted'; driverId: string };

/** Server → dashboard events. */
export interface LiveServerToClientEvents {
  /** Sent once on connect (and on reconnect): every driver with its latest position. */
  snapshot: (drivers: DriverDto[]) => void;
  /** One array per committed write: every new position of that write, in commit order. */
  positions: (positions: PositionDto[]) => void;
  /** A driver joined, changed status, was renamed or deleted. */
  driver: (change: DriverChange) => void;
}

/** Dashboard → server events: none yet (the feed is read-only). */
export type LiveClientToServerEvents = Record<string, never>;
