import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@convoy/contracts';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsTimeZone,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { parseTrustProxy, TRUST_PROXY_FORMAT } from './trust-proxy';
import { parseRetrySchedule } from './retry-schedule';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value));
/** A decimal number written plainly ("10", "0.5"); anything else is left for the validators to refuse. */
const decimal = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string' || value.trim() === '') return value;
    return /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : value;
  });
const integer = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string' || value.trim() === '') return value;
    return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  });

export const NODE_ENVS = ['development', 'production', 'test'] as const;

const isProduction = (env: EnvironmentVariables) => env.NODE_ENV === 'production';
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/**
 * Every environment variable Convoy reads, with its rules. `.env.example` documents each one;
 * `loadConfig()` turns a valid set into an `AppConfig` and an invalid one into one message.
 */
export class EnvironmentVariables {
  @trimmed()
  @IsOptional()
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV?: (typeof NODE_ENVS)[number];

  @trimmed()
  @IsOptional()
  @IsString()
  HOST?: string;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 0 to 65535' })
  @Min(0, { message: 'must be a whole number from 0 to 65535' })
  @Max(65535, { message: 'must be a whole number from 0 to 65535' })
  PORT?: number;

  @trimmed()
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, {
    message: 'must be the http(s) URL users open, e.g. https://convoy.example.com',
  })
  PUBLIC_URL?: string;

  @trimmed()
  @ValidateIf((env: EnvironmentVariables) => isProduction(env) || env.DATABASE_URL !== undefined)
  @IsString({
    message:
      'is required in production: the postgres:// URL of your database, e.g. postgres://convoy:<password>@db.internal:5432/convoy ' +
      '(the embedded Postgres is for development and tests)',
  })
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @trimmed()
  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @trimmed()
  @ValidateIf((env: EnvironmentVariables) => isProduction(env) || env.APP_SECRET !== undefined)
  @IsString({ message: 'is required in production (a random string of at least 32 characters)' })
  @MinLength(32, { message: 'must be at least 32 characters (try: openssl rand -base64 48)' })
  APP_SECRET?: string;

  @trimmed()
  @ValidateIf((env: EnvironmentVariables) => env.ADMIN_EMAIL !== undefined || env.ADMIN_PASSWORD !== undefined)
  @IsEmail({}, { message: 'must be an email address (set it together with ADMIN_PASSWORD)' })
  ADMIN_EMAIL?: string;

  @ValidateIf((env: EnvironmentVariables) => env.ADMIN_PASSWORD !== undefined && env.ADMIN_PASSWORD !== '')
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters` })
  ADMIN_PASSWORD?: string;

  @trimmed()
  @IsOptional()
  @Matches(/^(https?:\/\/[^\s,/]+)(\s*,\s*https?:\/\/[^\s,/]+)*$/, {
    message: 'must be a comma-separated list of origins, e.g. https://ops.example.com,http://localhost:4200',
  })
  CORS_ORIGINS?: string;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of hours from 1 to 8760' })
  @Min(1, { message: 'must be a whole number of hours from 1 to 8760' })
  @Max(8760, { message: 'must be a whole number of hours from 1 to 8760' })
  SESSION_TTL_HOURS?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of attempts per minute from 1 to 10000' })
  @Min(1, { message: 'must be a whole number of attempts per minute from 1 to 10000' })
  @Max(10000, { message: 'must be a whole number of attempts per minute from 1 to 10000' })
  LOGIN_RATE_LIMIT?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of attempts per account per 15 minutes from 1 to 10000' })
  @Min(1, { message: 'must be a whole number of attempts per account per 15 minutes from 1 to 10000' })
  @Max(10000, { message: 'must be a whole number of attempts per account per 15 minutes from 1 to 10000' })
  LOGIN_ACCOUNT_RATE_LIMIT?: number;

  /** Kept as text here; `loadConfig()` turns it into Fastify's `trustProxy` with `parseTrustProxy()`. */
  @trimmed()
  @IsOptional()
  @ValidateBy({
    name: 'isTrustProxy',
    validator: { validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== undefined },
  }, { message: TRUST_PROXY_FORMAT })
  TRUST_PROXY?: string;

  @trimmed()
  @IsOptional()
  @Matches(/^https?:\/\/\S*\{z\}\S*\{x\}\S*\{y\}\S*$/, {
    message: 'must be an http(s) tile URL template with {z}, {x} and {y}',
  })
  TILE_URL?: string;

  @trimmed()
  @IsOptional()
  @IsString()
  TILE_ATTRIBUTION?: string;

  @trimmed()
  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: (typeof LOG_LEVELS)[number];

  @trimmed()
  @IsOptional()
  @IsTimeZone({ message: 'must be an IANA time zone, e.g. Europe/Berlin, America/Chicago or UTC' })
  TIME_ZONE?: string;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of seconds from 0 to 3600' })
  @Min(0, { message: 'must be a whole number of seconds from 0 to 3600' })
  @Max(3600, { message: 'must be a whole number of seconds from 0 to 3600' })
  AUTO_TRACK_INTERVAL?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days from 1 to 36500' })
  @Min(1, { message: 'must be a whole number of days from 1 to 36500' })
  @Max(36500, { message: 'must be a whole number of days from 1 to 36500' })
  RETENTION_DAYS?: number;

  @trimmed()
  @decimal()
  @IsOptional()
  @IsNumber({}, { message: 'must be a number of minutes from 0.05 to 1440, e.g. 10' })
  @Min(0.05, { message: 'must be a number of minutes from 0.05 to 1440, e.g. 10' })
  @Max(1440, { message: 'must be a number of minutes from 0.05 to 1440, e.g. 10' })
  QUIET_AFTER_MINUTES?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of km/h from 0 (off) to 400' })
  @Min(0, { message: 'must be a whole number of km/h from 0 (off) to 400' })
  @Max(400, { message: 'must be a whole number of km/h from 0 (off) to 400' })
  SPEEDING_KMH?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of milliseconds from 100 to 600000' })
  @Min(100, { message: 'must be a whole number of milliseconds from 100 to 600000' })
  @Max(600_000, { message: 'must be a whole number of milliseconds from 100 to 600000' })
  DATABASE_STATEMENT_TIMEOUT_MS?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of exports per minute from 1 to 1000' })
  @Min(1, { message: 'must be a whole number of exports per minute from 1 to 1000' })
  @Max(1000, { message: 'must be a whole number of exports per minute from 1 to 1000' })
  EXPORT_RATE_LIMIT?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of messages per minute from 1 to 1000' })
  @Min(1, { message: 'must be a whole number of messages per minute from 1 to 1000' })
  @Max(1000, { message: 'must be a whole number of messages per minute from 1 to 1000' })
  BOT_RATE_LIMIT?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of seconds from 0 to 120' })
  @Min(0, { message: 'must be a whole number of seconds from 0 to 120' })
  @Max(120, { message: 'must be a whole number of seconds from 0 to 120' })
  SHUTDOWN_DRAIN_SECONDS?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of simulated drivers from 0 to 1000' })
  @Min(0, { message: 'must be a whole number of simulated drivers from 0 to 1000' })
  @Max(1000, { message: 'must be a whole number of simulated drivers from 0 to 1000' })
  @ValidateBy({
    name: 'offInProduction',
    validator: {
      // simulated drivers would be written beside the real fleet: refused rather than silently ignored
      validate: (value: unknown, args) => !(isProduction(args?.object as EnvironmentVariables) && typeof value === 'number' && value > 0),
    },
  }, {
    message:
      'must be 0 or unset in production: simulated drivers would be stored and shown beside the real fleet ' +
      '(try the demo with NODE_ENV=development)',
  })
  DEMO_FLEET?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of seconds from 10 to 86400' })
  @Min(10, { message: 'must be a whole number of seconds from 10 to 86400' })
  @Max(86400, { message: 'must be a whole number of seconds from 10 to 86400' })
  REPORT_MINIMAL_PARKING_DURATION?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of metres from 0 to 100000' })
  @Min(0, { message: 'must be a whole number of metres from 0 to 100000' })
  @Max(100000, { message: 'must be a whole number of metres from 0 to 100000' })
  REPORT_MINIMAL_TRIP_DISTANCE?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of seconds from 0 to 86400' })
  @Min(0, { message: 'must be a whole number of seconds from 0 to 86400' })
  @Max(86400, { message: 'must be a whole number of seconds from 0 to 86400' })
  REPORT_MINIMAL_TRIP_DURATION?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of seconds from 60 to 604800' })
  @Min(60, { message: 'must be a whole number of seconds from 60 to 604800' })
  @Max(604800, { message: 'must be a whole number of seconds from 60 to 604800' })
  REPORT_MINIMAL_NO_DATA_DURATION?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of km/h from 1 to 50' })
  @Min(1, { message: 'must be a whole number of km/h from 1 to 50' })
  @Max(50, { message: 'must be a whole number of km/h from 1 to 50' })
  REPORT_SPEED_THRESHOLD?: number;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days from 0 (off) to 31' })
  @Min(0, { message: 'must be a whole number of days from 0 (off) to 31' })
  @Max(31, { message: 'must be a whole number of days from 0 (off) to 31' })
  REPORT_PREPARE_DAYS?: number;

  @trimmed()
  @IsOptional()
  @IsIn(['0', '1', 'true', 'false'], { message: 'must be 1 (allow) or 0 (refuse, the default)' })
  WEBHOOK_ALLOW_PRIVATE?: string;

  @trimmed()
  @IsOptional()
  @ValidateBy({ name: 'retrySchedule', validator: { validate: (value: unknown) => typeof value === 'string' && parseRetrySchedule(value) !== null } }, {
    message: 'must be a comma-separated list of 1–50 waits (each up to 24h) like 10s,30s,2m,1h',
  })
  WEBHOOK_RETRY_SCHEDULE?: string;

  @trimmed()
  @integer()
  @IsOptional()
  @IsInt({ message: 'must be a whole number of seconds from 1 to 30' })
  @Min(1, { message: 'must be a whole number of seconds from 1 to 30' })
  @Max(30, { message: 'must be a whole number of seconds from 1 to 30' })
  WEBHOOK_TIMEOUT_SECONDS?: number;

  @trimmed()
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @trimmed()
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be 1–64 letters, digits or _ . : -' })
  REDIS_PREFIX?: string;

  @trimmed()
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587' })
  SMTP_URL?: string;

  @trimmed()
  @ValidateIf((env: EnvironmentVariables) => env.SMTP_URL !== undefined || env.SMTP_FROM !== undefined)
  @IsString({ message: 'is required with SMTP_URL: the sender of alert emails, e.g. "Convoy <alerts@example.com>"' })
  @Matches(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, { message: 'must be an address, e.g. alerts@example.com or "Convoy <alerts@example.com>"' })
  SMTP_FROM?: string;

  @trimmed()
  @IsOptional()
  @Matches(/^\d{5,16}:[A-Za-z0-9_-]{30,}$/, { message: 'must be a bot token from @BotFather, like 123456:ABC-DEF…' })
  TELEGRAM_BOT_TOKEN?: string;

  @trimmed()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/^@/, '') || undefined : value))
  @ValidateIf((env: EnvironmentVariables) => env.TELEGRAM_BOT_TOKEN !== undefined || env.TELEGRAM_BOT_USERNAME !== undefined)
  @IsString({ message: 'is required with TELEGRAM_BOT_TOKEN: the t.me links drivers open name the bot' })
  @Matches(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, { message: 'must be the bot username, e.g. convoy_fleet_bot' })
  TELEGRAM_BOT_USERNAME?: string;

  @trimmed()
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, {
    message: 'must be the Bot API server URL, e.g. https://api.telegram.org or your self-hosted one',
  })
  TELEGRAM_API_ROOT?: string;

  @trimmed()
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, {
    message: 'must be the public URL Telegram posts updates to, e.g. https://convoy.example.com/telegram/webhook',
  })
  TELEGRAM_WEBHOOK_URL?: string;

  @trimmed()
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{16,256}$/, { message: 'must be 16–256 characters of A-Z, a-z, 0-9, _ and -' })
  TELEGRAM_WEBHOOK_SECRET?: string;
}
