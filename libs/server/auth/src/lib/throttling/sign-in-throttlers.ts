import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions, ThrottlerOptions } from '@nestjs/throttler';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { AppConfig } from '@convoy/server/config';
import { PRINCIPAL_KEY, type RequestWithPrincipal } from '../principal';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** Names of the limits on sign-in and password routes (`@UseGuards(ThrottlerGuard)`). */
export const SIGN_IN_PER_ADDRESS = 'sign-in';
export const SIGN_IN_PER_ACCOUNT = 'sign-in-account';
export const ACCOUNT_WINDOW_MS = 15 * 60_000;

/**
 * The account an attempt is about: the email it names (sign-in), else the signed-in user's
 * (password change). Lower-cased and trimmed like stored emails, so case games share one budget.
 */
export function accountTracker(request: Record<string, unknown>, _context?: ExecutionContext): string {
  const body = request['body'] as { email?: unknown } | undefined;
  const named = typeof body?.email === 'string' ? body.email : undefined;
  const signedIn = (request as RequestWithPrincipal)[PRINCIPAL_KEY]?.user.email;
  return `account:${(named ?? signedIn ?? '').trim().toLowerCase()}`;
}

/**
 * Per client address (LOGIN_RATE_LIMIT a minute) and per account (LOGIN_ACCOUNT_RATE_LIMIT per
 * 15 minutes, whatever the address: a botnet guessing one password gets that many tries in all).
 * Counted in Redis when REDIS_URL is set, so the limits hold across replicas.
 */
export function signInThrottlerOptions(config: AppConfig): ThrottlerModuleOptions {
  const throttlers: ThrottlerOptions[] = [
    { name: SIGN_IN_PER_ADDRESS, ttl: 60_000, limit: config.loginRateLimitPerMinute },
    {
      name: SIGN_IN_PER_ACCOUNT,
      ttl: ACCOUNT_WINDOW_MS,
      limit: config.loginAccountRateLimit,
      getTracker: accountTracker,
    },
  ];
  return {
    throttlers,
    storage: config.redisUrl ? new RedisThrottlerStorage(config.redisUrl, config.redisPrefix) : new ThrottlerStorageService(),
  };
}
