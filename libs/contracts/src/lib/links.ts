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
  /** `https://t.me/<bot>?start=<token>`; null while no TELEGRAM_BOT_USERNAME is configured. */
  url: string | null;
  token: string;
  /**
   * `<PUBLIC_URL or request origin>/join/<token>`: Convoy's own public join page, which offers
   * Telegram, this browser and GPS apps (issue #13). Optional until the server fills it in.
   */
  joinUrl?: string;
  /** The URL as a QR code (SVG), for a driver to scan from a screen; null with `url`. */
  qrSvg: string | null;
}
