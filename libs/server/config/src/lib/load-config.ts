import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { AppConfig, DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from './app-config';
import { EnvironmentVariables } from './environment.schema';
import { DEFAULT_TRUST_PROXY, parseTrustProxy } from './trust-proxy';
import { DEFAULT_RETRY_SCHEDULE_SECONDS, parseRetrySchedule } from './retry-schedule';

/** Thrown when the environment is invalid; `message` names every bad variable and why. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

const SECRET_VARIABLES = new Set(['APP_SECRET', 'ADMIN_PASSWORD', 'TELEGRAM_BOT_TOKEN', 'DATABASE_URL', 'REDIS_URL', 'TELEGRAM_WEBHOOK_SECRET', 'SMTP_URL']);

/**
 * Validates `env` (process.env by default) and returns the typed config.
 * Reads a `.env` file in the working directory first when `readDotEnv` is set; real environment
 * variables win over it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { readDotEnv?: boolean } = {}): AppConfig {
  if (options.readDotEnv && existsSync('.env')) process.loadEnvFile('.env');
  const raw = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const vars = plainToInstance(EnvironmentVariables, raw, { excludeExtraneousValues: false });
  const errors = validateSync(vars, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigValidationError(errors.map((e) => describe(e, raw)));

  const port = vars.PORT ?? 3000;
  return new AppConfig({
    env: vars.NODE_ENV ?? 'development',
    host: vars.HOST ?? '0.0.0.0',
    port,
    publicUrl: vars.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    databaseUrl: vars.DATABASE_URL ?? null,
    dataDir: resolve(vars.DATA_DIR ?? '.data'),
    appSecret: vars.APP_SECRET ?? null,
    admin: { email: vars.ADMIN_EMAIL?.toLowerCase() ?? null, password: vars.ADMIN_PASSWORD || null },
    corsOrigins: vars.CORS_ORIGINS ? vars.CORS_ORIGINS.split(',').map((o) => o.trim()) : [],
    sessionTtlHours: vars.SESSION_TTL_HOURS ?? 168,
    loginRateLimitPerMinute: vars.LOGIN_RATE_LIMIT ?? 10,
    loginAccountRateLimit: vars.LOGIN_ACCOUNT_RATE_LIMIT ?? 20,
    trustProxy: vars.TRUST_PROXY === undefined ? DEFAULT_TRUST_PROXY : (parseTrustProxy(vars.TRUST_PROXY) ?? DEFAULT_TRUST_PROXY),
    tiles: { url: vars.TILE_URL ?? DEFAULT_TILE_URL, attribution: vars.TILE_ATTRIBUTION ?? DEFAULT_TILE_ATTRIBUTION },
    logLevel: vars.LOG_LEVEL ?? 'log',
    telegram: {
      botToken: vars.TELEGRAM_BOT_TOKEN ?? null,
      botUsername: vars.TELEGRAM_BOT_USERNAME ?? null,
      apiRoot: vars.TELEGRAM_API_ROOT?.replace(/\/+$/, '') ?? 'https://api.telegram.org',
      webhookUrl: vars.TELEGRAM_WEBHOOK_URL ?? null,
      webhookSecret: vars.TELEGRAM_WEBHOOK_SECRET ?? null,
      timeZone: vars.TIME_ZONE ?? 'UTC',
      messagesPerMinute: vars.BOT_RATE_LIMIT ?? 30,
    },
    tracking: {
      autoTrackIntervalSeconds: vars.AUTO_TRACK_INTERVAL ?? 30,
      retentionDays: vars.RETENTION_DAYS ?? 90,
      exportsPerMinute: vars.EXPORT_RATE_LIMIT ?? 6,
    },
    activity: {
      quietAfterMinutes: vars.QUIET_AFTER_MINUTES ?? 10,
      speedingKmh: vars.SPEEDING_KMH ?? 120,
    },
    statementTimeoutMs: vars.DATABASE_STATEMENT_TIMEOUT_MS ?? 30_000,
    redisUrl: vars.REDIS_URL ?? null,
    smtp: { url: vars.SMTP_URL ?? null, from: vars.SMTP_FROM ?? null },
    redisPrefix: vars.REDIS_PREFIX ?? 'convoy',
    reports: {
      minimalParkingDurationS: vars.REPORT_MINIMAL_PARKING_DURATION ?? 180,
      minimalTripDistanceM: vars.REPORT_MINIMAL_TRIP_DISTANCE ?? 500,
      minimalTripDurationS: vars.REPORT_MINIMAL_TRIP_DURATION ?? 300,
      minimalNoDataDurationS: vars.REPORT_MINIMAL_NO_DATA_DURATION ?? 3600,
      movingSpeedKmh: vars.REPORT_SPEED_THRESHOLD ?? 5,
      prepareDays: vars.REPORT_PREPARE_DAYS ?? 2,
    },
    webhooks: {
      allowPrivate: vars.WEBHOOK_ALLOW_PRIVATE === '1' || vars.WEBHOOK_ALLOW_PRIVATE === 'true',
      retryScheduleSeconds: (vars.WEBHOOK_RETRY_SCHEDULE && parseRetrySchedule(vars.WEBHOOK_RETRY_SCHEDULE)) || DEFAULT_RETRY_SCHEDULE_SECONDS,
      timeoutMs: (vars.WEBHOOK_TIMEOUT_SECONDS ?? 10) * 1000,
    },
    shutdownDrainSeconds: vars.SHUTDOWN_DRAIN_SECONDS ?? (vars.NODE_ENV === 'production' ? 5 : 0),
    // a newcomer's `npm start` (development, no bot yet) shows a fleet moving; never in tests by default, never in
    // production (a non-zero DEMO_FLEET is refused there by the schema)
    demoFleet: vars.DEMO_FLEET ?? ((vars.NODE_ENV ?? 'development') === 'development' && !vars.TELEGRAM_BOT_TOKEN ? 12 : 0),
  } as AppConfig);
}

function describe(error: ValidationError, raw: Record<string, unknown>): string {
  const name = error.property;
  const value = raw[name];
  const shown = value === undefined ? '(unset)' : SECRET_VARIABLES.has(name) ? '(hidden)' : JSON.stringify(value);
  const constraints = error.constraints ?? {};
  // for an unset variable, "is required" says more than the format rules that follow it
  const why = (value === undefined && (constraints['isString'] ?? constraints['isDefined'])) || Object.values(constraints)[0] || 'is invalid';
  return `${name}=${shown}: ${why}`;
}
