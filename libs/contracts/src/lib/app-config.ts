/** What the dashboard needs to know about the server before (and after) sign-in. */
export interface PublicConfigDto {
  version: string;
  /** Leaflet tile URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  tileUrl: string;
  tileAttribution: string;
  /** false when no TELEGRAM_BOT_TOKEN is set: links cannot be redeemed. */
  botEnabled: boolean;
  botUsername: string | null;
  /** A driver whose latest position is younger than this counts as live (2 × AUTO_TRACK_INTERVAL, ≥ 60 s). */
  liveWithinSeconds: number;
}
