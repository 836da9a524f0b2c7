import { loadConfig } from '@convoy/server/config';
import { displayUrl, startupBanner } from './startup-banner';

describe('startup banner', () => {
  const config = loadConfig({});

  it('shows where to go and the one-time password of a generated first admin', () => {
    const text = startupBanner(config, {
      url: 'http://localhost:3000',
      database: 'embedded Postgres in /srv/.data',
      firstSignIn: { email: 'admin@convoy.local', generatedPassword: 's3cret-once', passwordFile: null, createdNow: true },
    });
    expect(text).toContain('Convoy is running: http://localhost:3000');
    expect(text).toContain('First sign-in: admin@convoy.local / s3cret-once');
    expect(text).toContain('Telegram bot: disabled');
  });

  it('never prints a password in production: it names the 0600 file that holds it', () => {
    const production = loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db/convoy' });
    const text = startupBanner(production, {
      url: 'https://fleet.example.com',
      database: 'DATABASE_URL',
      firstSignIn: { email: 'admin@convoy.local', generatedPassword: 's3cret-once', passwordFile: '/data/first-admin-password', createdNow: true },
    });
    expect(text).not.toContain('s3cret-once');
    expect(text).toContain('one-time password in /data/first-admin-password');
  });

  it('never repeats a password after the first start', () => {
    const text = startupBanner(config, {
      url: 'http://localhost:3000',
      database: 'DATABASE_URL',
      firstSignIn: { email: 'admin@convoy.local', generatedPassword: null, passwordFile: null, createdNow: false },
    });
    expect(text).not.toContain('First sign-in');
  });

  it('shows PUBLIC_URL, else localhost for a wildcard bind', () => {
    expect(displayUrl(config, 3000)).toBe('http://localhost:3000');
    expect(displayUrl(loadConfig({ PUBLIC_URL: 'https://fleet.example.com' }), 3000)).toBe('https://fleet.example.com');
    expect(displayUrl(loadConfig({ HOST: '10.0.0.5' }), 8080)).toBe('http://10.0.0.5:8080');
  });
});
