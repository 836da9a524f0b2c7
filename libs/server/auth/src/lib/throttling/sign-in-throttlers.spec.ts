import { ThrottlerStorageService } from '@nestjs/throttler';
import { loadConfig } from '@convoy/server/config';
import { PRINCIPAL_KEY } from '../principal';
import { accountTracker, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS, signInThrottlerOptions } from './sign-in-throttlers';

describe('sign-in throttlers', () => {
  it('count one budget per account, whatever the case or spacing of the email', () => {
    expect(accountTracker({ body: { email: ' Admin@Convoy.TEST ' } })).toBe(accountTracker({ body: { email: 'admin@convoy.test' } }));
    expect(accountTracker({ body: { email: 'a@convoy.test' } })).not.toBe(accountTracker({ body: { email: 'b@convoy.test' } }));
  });

  it('track a password change by the signed-in user', () => {
    const request = { body: { currentPassword: 'x' }, [PRINCIPAL_KEY]: { user: { email: 'Pat@Convoy.test' } } };
    expect(accountTracker(request)).toBe(accountTracker({ body: { email: 'pat@convoy.test' } }));
  });

  it('limit per address a minute and per account a quarter hour, from the configuration', () => {
    const options = signInThrottlerOptions(loadConfig({ LOGIN_RATE_LIMIT: '7', LOGIN_ACCOUNT_RATE_LIMIT: '9' }));
    if (Array.isArray(options)) throw new Error('expected module options');
    expect(options.throttlers).toEqual([
      expect.objectContaining({ name: SIGN_IN_PER_ADDRESS, ttl: 60_000, limit: 7 }),
      expect.objectContaining({ name: SIGN_IN_PER_ACCOUNT, ttl: 900_000, limit: 9, getTracker: accountTracker }),
    ]);
    // no REDIS_URL: counted in this process
    expect(options.storage).toBeInstanceOf(ThrottlerStorageService);
  });
});
