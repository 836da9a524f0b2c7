export const LINK_STATUSES = ['pending', 'redeemed', 'expired', 'revoked'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface CreateLinkRequest {
  driverName: string;
  note?: string;
  /** Default 72; at most 720 (30 days). */
  expiresInHours?: number;
}

export interface LinkDto {
  id: string;
  driverName: string;
  note: string | null;
  status: LinkStatus;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  redeemedAt: string | null;
  /** The driver the link bound (set once redeemed). */
  redeemedDriverId: string | null;
  revokedAt: string | null;
}

/** Returned once, at creation: the token is stored hashed and cannot be shown again. */
export interface CreatedLinkResponse extends LinkDto {
  /** `https://t.me/<bot>?start=<token>` when TELEGRAM_BOT_USERNAME is configured, else `joinUrl`. */
  url: string;
  /** `<PUBLIC_URL or the request's origin>/join/<token>`: Convoy's public join page (every channel). */
  joinUrl: string;
  /** The id the driver will have once the link is redeemed (reserved at creation). */
  driverId: string;
  token: string;
  /** `joinUrl` as a QR code (SVG), for a driver to scan from a screen. */
  qrSvg: string;
}

/** GET /generate-link (seed-compatible): the seed's three fields beside Convoy's. */
export interface SeedGeneratedLinkResponse extends CreatedLinkResponse {
  driver_id: string;
  tracking_link: string;
  instructions: string;
}
