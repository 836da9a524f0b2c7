import type { DriverDto, PositionDto } from './drivers';
import type { MessageDto } from './messages';
import type { NotificationDto } from './notifications';
import type { VisitChange } from './visits';

/** Socket.IO namespace of the live feed. Authenticate with the session cookie or `auth: {token}`. */
export const LIVE_NAMESPACE = '/live';

/**
 * What a `/live` socket is for, chosen in the handshake (`io('/live', { auth: { feed } })`): `fleet`
 * (the default) — `snapshot`, then every driver's `positions`, `driver`, `visits` and `messages`, plus
 * the user's own `notifications`; `notifications` — only the user's own `notifications` (no snapshot,
 * none of the fleet's traffic: the dashboard's socket for the bell on every page).
 */
export const LIVE_FEEDS = { fleet: 'fleet', notifications: 'notifications' } as const;
export type LiveFeed = (typeof LIVE_FEEDS)[keyof typeof LIVE_FEEDS];

/**
 * Why `/live` refused a handshake (the `connect_error` message): `unauthorized` — no valid session or
 * token, sign in again; `unavailable` — the server could not check (its database is down), retry;
 * `forbidden-origin` — the page that opened the socket is not the dashboard's own origin, `PUBLIC_URL`
 * or one of `CORS_ORIGINS` (a WebSocket is not covered by CORS, so the server checks `Origin` itself).
 */
export const LIVE_REFUSALS = {
  unauthorized: 'unauthorized',
  unavailable: 'unavailable',
  forbiddenOrigin: 'forbidden-origin',
} as const;

/**
 * Why the server closed an open `/live` socket because its credential stopped being valid (the
 * `revoked` event's payload, sent just before the disconnect); the dashboard shows it and signs out.
 */
export const LIVE_REVOCATION_REASONS = {
  signedOut: 'signed-out',
  accountDisabled: 'account-disabled',
  tokenRevoked: 'token-revoked',
  sessionExpired: 'session-expired',
  tokenExpired: 'token-expired',
  passwordChanged: 'password-changed',
} as const;
export type LiveRevocationReason = (typeof LIVE_REVOCATION_REASONS)[keyof typeof LIVE_REVOCATION_REASONS];

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
  /** The socket's session or token stopped being valid; the server disconnects right after. */
  revoked: (event: { reason: LiveRevocationReason }) => void;
  /** Arrivals and departures as they are committed (issue #9), for the activity feed. */
  visits: (changes: VisitChange[]) => void;
  /** New entries of this user's notifications inbox (issue #10): only the recipient's sockets get them. */
  notifications: (notifications: NotificationDto[]) => void;
  /** New messages and status changes (sent → delivered/failed, read), to every dispatcher's socket. */
  messages: (messages: MessageDto[]) => void;
}

/** Dashboard → server events: none yet (the feed is read-only). */
export type LiveClientToServerEvents = Record<string, never>;
