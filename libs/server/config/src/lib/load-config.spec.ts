import { ConfigValidationError, loadConfig } from './load-config';

/** The least a production start needs. */
const PRODUCTION = { NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://convoy@db.internal:5432/convoy' };

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.tiles.url).toContain('openstreetmap');
    expect(config.telegram.botToken).toBeNull();
  });

  it('names every bad variable and why, in one message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="abc": must be a whole number from 0 to 65535');
    expect(message).toContain('DATABASE_URL=(hidden): must be a postgres:// connection URL');
    expect(message).toContain('LOG_LEVEL="loud"');
  });

  it('reads the report thresholds, traccar-like defaults when unset', () => {
    expect(loadConfig({}).reports).toEqual({
      minimalParkingDurationS: 180,
      minimalTripDistanceM: 500,
      minimalTripDurationS: 300,
      minimalNoDataDurationS: 3600,
      movingSpeedKmh: 5,
      prepareDays: 2,
    });
    expect(loadConfig({ REPORT_MINIMAL_PARKING_DURATION: '300' }).reports.minimalParkingDurationS).toBe(300);
    expect(loadConfig({ REPORT_PREPARE_DAYS: '0' }).reports.prepareDays).toBe(0);
    expect(() => loadConfig({ REPORT_PREPARE_DAYS: '40' })).toThrow('REPORT_PREPARE_DAYS="40": must be a whole number of days from 0 (off) to 31');
    expect(() => loadConfig({ REPORT_MINIMAL_NO_DATA_DURATION: '10' })).toThrow(
      'REPORT_MINIMAL_NO_DATA_DURATION="10": must be a whole number of seconds from 60 to 604800',
    );
  });

  it('turns the demo fleet on only for a development start without a bot', () => {
    expect(loadConfig({}).demoFleet).toBe(12);
    expect(loadConfig({ NODE_ENV: 'test' }).demoFleet).toBe(0);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0', TELEGRAM_BOT_USERNAME: 'x_bot' }).demoFleet).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', DEMO_FLEET: '3' }).demoFleet).toBe(3);
    expect(loadConfig(PRODUCTION).demoFleet).toBe(0);
  });

  it('refuses a demo fleet in production, saying why and how to try it instead', () => {
    expect(() => loadConfig({ ...PRODUCTION, DEMO_FLEET: '3' })).toThrow(
      'DEMO_FLEET="3": must be 0 or unset in production: simulated drivers would be stored and shown beside the real fleet (try the demo with NODE_ENV=development)',
    );
    expect(loadConfig({ ...PRODUCTION, DEMO_FLEET: '0' }).demoFleet).toBe(0);
    // a bad value still gets the format message, not the production one
    expect(() => loadConfig({ ...PRODUCTION, DEMO_FLEET: 'lots' })).toThrow(/DEMO_FLEET="lots": must be a whole number of simulated drivers/);
  });

  it('takes the time zone of bot replies as an IANA name, UTC by default', () => {
    expect(loadConfig({}).telegram.timeZone).toBe('UTC');
    expect(loadConfig({ TIME_ZONE: 'Europe/Berlin' }).telegram.timeZone).toBe('Europe/Berlin');
    expect(() => loadConfig({ TIME_ZONE: 'Berlin' })).toThrow('TIME_ZONE="Berlin": must be an IANA time zone');
  });

  it('requires APP_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/convoy' })).toThrow(
      /APP_SECRET=\(unset\): is required in production/,
    );
  });

  it('requires DATABASE_URL in production (no embedded Postgres there), saying what to set', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', APP_SECRET: PRODUCTION.APP_SECRET })).toThrow(
      'DATABASE_URL=(unset): is required in production: the postgres:// URL of your database, e.g. postgres://convoy:<password>@db.internal:5432/convoy',
    );
    expect(() => loadConfig({ ...PRODUCTION, DATABASE_URL: 'mysql://db/convoy' })).toThrow(
      'DATABASE_URL=(hidden): must be a postgres:// connection URL',
    );
    expect(loadConfig(PRODUCTION).databaseUrl).toBe(PRODUCTION.DATABASE_URL);
    // outside production an unset DATABASE_URL still means the embedded Postgres
    expect(loadConfig({ NODE_ENV: 'development' }).databaseUrl).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test' }).databaseUrl).toBeNull();
  });

  it('names both DATABASE_URL and APP_SECRET when production has neither', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('DATABASE_URL=(unset): is required in production');
    expect(message).toContain('APP_SECRET=(unset): is required in production');
    // an empty value (KEY= in a .env) counts as unset
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: '', APP_SECRET: '' })).toThrow(/DATABASE_URL=\(unset\)[\s\S]*APP_SECRET=\(unset\)/);
  });

  describe('TRUST_PROXY', () => {
    it('trusts a proxy on the same host (loopback) by default', () => {
      expect(loadConfig({}).trustProxy).toEqual(['loopback']);
      expect(loadConfig(PRODUCTION).trustProxy).toEqual(['loopback']);
    });

    it('takes true/false, a hop count, or proxy addresses and CIDRs', () => {
      expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: 'TRUE' }).trustProxy).toBe(true);
      expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
      expect(loadConfig({ TRUST_PROXY: ' 10.0.0.0/8, 192.168.1.7 ,fd00::/8,::1, uniquelocal' }).trustProxy).toEqual([
        '10.0.0.0/8',
        '192.168.1.7',
        'fd00::/8',
        '::1',
        'uniquelocal',
      ]);
    });

    it.each(['yes', '11', '-1', '10.0.0.0/33', '300.1.1.1', '10.0.0.0/8,', 'fd00::/129', 'nginx'])('refuses %j with the accepted forms', (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        `TRUST_PROXY=${JSON.stringify(value)}: must be true, false, a hop count from 0 to 10, or a comma-separated list of proxy addresses / CIDRs`,
      );
    });
  });

  it('rejects a short admin password and a lone admin email is checked too', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'short' })).toThrow(
      /ADMIN_PASSWORD=\(hidden\): must be at least 12 characters/,
    );
    expect(() => loadConfig({ ADMIN_EMAIL: 'not-an-email' })).toThrow(/ADMIN_EMAIL="not-an-email"/);
  });

  it('needs the bot username with a bot token (the t.me links name the bot)', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0' })).toThrow(
      /TELEGRAM_BOT_USERNAME=\(unset\): is required with TELEGRAM_BOT_TOKEN/,
    );
  });

  it('takes SMTP for alert emails only with a sender, and hides the URL (it may hold a password)', () => {
    expect(loadConfig({}).smtp).toEqual({ url: null, from: null });
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example.com:587', SMTP_FROM: 'Convoy <alerts@example.com>' }).smtp).toEqual({
      url: 'smtp://mail.example.com:587',
      from: 'Convoy <alerts@example.com>',
    });
    expect(() => loadConfig({ SMTP_URL: 'smtp://u:p@mail.example.com' })).toThrow(/SMTP_FROM=\(unset\): is required with SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'http://u:secret@mail', SMTP_FROM: 'a@b.c' })).toThrow(/SMTP_URL=\(hidden\): must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail', SMTP_FROM: 'nobody' })).toThrow(/SMTP_FROM="nobody": must be an address/);
  });

  it('parses lists and normalises values', () => {
    const config = loadConfig({
      PORT: '8080',
      CORS_ORIGINS: 'https://a.example.com, http://localhost:4200',
      ADMIN_EMAIL: 'Ops@Example.com',
      ADMIN_PASSWORD: 'correct horse battery',
      TELEGRAM_BOT_USERNAME: '@convoy_bot',
      PUBLIC_URL: 'https://convoy.example.com/',
    });
    expect(config.port).toBe(8080);
    expect(config.corsOrigins).toEqual(['https://a.example.com', 'http://localhost:4200']);
    expect(config.admin.email).toBe('ops@example.com');
    expect(config.telegram.botUsername).toBe('convoy_bot');
    expect(config.publicUrl).toBe('https://convoy.example.com');
  });
});
