import type { LOG_LEVELS, NODE_ENVS } from './environment.schema';
import type { TrustProxy } from './trust-proxy';

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/**
 * The validated, typed configuration. It is also the Nest injection token: inject `AppConfig`
 * wherever a setting is needed; nothing else reads `process.env`.
 */
export class AppConfig {
  readonly env!: (typeof NODE_ENVS)[number];
  readonly host!: string;
  readonly port!: number;
  /** The URL users open; null → derived from host and port for display. */
  readonly publicUrl!: string | null;
  /** null → embedded Postgres under `dataDir` (never in production: DATABASE_URL is required there). */
  readonly databaseUrl!: string | null;
  /** Absolute path. */
  readonly dataDir!: string;
  /** null outside production → a secret generated once and kept under `dataDir`. */
  readonly appSecret!: string | null;
  readonly admin!: { email: string | null; password: string | null };
  readonly corsOrigins!: string[];
  readonly sessionTtlHours!: number;
  readonly loginRateLimitPerMinute!: number;
  /** Sign-in attempts per account (email) per 15 minutes, from any address. */
  readonly loginAccountRateLimit!: number;
  /**
   * Fastify's `trustProxy`: which peers' X-Forwarded-For / X-Forwarded-Proto are believed, so the
   * client address (per-address sign-in limit, logs) is the real client's behind nginx or an ingress.
   */
  readonly trustProxy!: TrustProxy;
  readonly tiles!: { url: string; attribution: string };
  readonly logLevel!: (typeof LOG_LEVELS)[number];
  readonly telegram!: {
    botToken: string | null;
    botUsername: string | null;
    /** Bot API server: Telegram's, a self-hosted one, or the test double. */
    apiRoot: string;
    /** Set → webhook mode (every replica takes updates); null → long polling by one leader. */
    webhookUrl: string | null;
    /** null → derived from APP_SECRET / the bot token. */
    webhookSecret: string | null;
    /** IANA time zone of the times in bot replies ("until 18:30 CET"). */
    timeZone: string;
    /** Non-location updates each Telegram user may send per minute (token bucket); locations are never limited. */
    messagesPerMinute: number;
  };
  readonly tracking!: {
    /** Minimum spacing of stored points per driver from a live stream (0 = keep every point). */
    autoTrackIntervalSeconds: number;
    /** Positions, Telegram identities of quiet drivers and finished links older than this are removed. */
    retentionDays: number;
    /** File exports (csv/gpx/geojson) each signed-in user may start per minute. */
    exportsPerMinute: number;
  };
  /** What the driver events decide from the positions (issue #10; README "Events"). */
  readonly activity!: {
    /** A sharing driver without a position for this long went quiet (`driver.went_quiet`). */
    quietAfterMinutes: number;
    /** Faster than this for 30 s is `driver.speeding`; 0 = never. */
    speedingKmh: number;
  };
  /** Postgres `statement_timeout` of every pooled connection (migrations run without it). */
  readonly statementTimeoutMs!: number;
  /** Defaults of the trips/stops/summary reports (REPORT_*; README "Reports"). */
  readonly reports!: {
    minimalParkingDurationS: number;
    minimalTripDistanceM: number;
    minimalTripDurationS: number;
    minimalNoDataDurationS: number;
    movingSpeedKmh: number;
    /** REPORT_PREPARE_DAYS: the last closed days (in TIME_ZONE) whose fleet summary is kept prepared; 0 = none. */
    prepareDays: number;
  };
  /** Outgoing webhooks (README "Webhooks"). */
  readonly webhooks!: {
    /** WEBHOOK_ALLOW_PRIVATE: loopback/private targets (and plain http) allowed; off by default (SSRF). */
    allowPrivate: boolean;
    /** Seconds to wait after each failed attempt; its length + 1 is the number of attempts. */
    retryScheduleSeconds: readonly number[];
    /** One attempt's deadline (connect to last byte of the answer). */
    timeoutMs: number;
  };
  /** On SIGTERM, readiness answers 503 this long before connections close (load balancers drain). */
  readonly shutdownDrainSeconds!: number;
  /** Simulated drivers fed through the real ingest path (0 = none). */
  readonly demoFleet!: number;
  /** null → Socket.IO broadcasts stay in this process. */
  readonly redisUrl!: string | null;
  /** Alert emails (SMTP_URL, SMTP_FROM); url null → the email channel is off. */
  readonly smtp!: { url: string | null; from: string | null };
  /**
   * Starts every Redis channel Convoy uses (Socket.IO broadcasts, server-side events), so deployments
   * (or test runs) sharing one Redis do not hear each other.
   */
  readonly redisPrefix!: string;

  constructor(values: AppConfig) {
    Object.assign(this, values);
    Object.freeze(this);
  }

  get isProduction(): boolean {
    return this.env === 'production';
  }
}
