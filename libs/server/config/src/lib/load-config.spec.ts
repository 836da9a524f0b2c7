import { ConfigValidationError, loadConfig } from './load-config';

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

  it('turns the demo fleet on only for a development start without a bot', () => {
    expect(loadConfig({}).demoFleet).toBe(12);
    expect(loadConfig({ NODE_ENV: 'test' }).demoFleet).toBe(0);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0', TELEGRAM_BOT_USERNAME: 'x_bot' }).demoFleet).toBe(0);
    expect(loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), DEMO_FLEET: '3' }).demoFleet).toBe(3);
  });

  it('requires APP_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/convoy' })).toThrow(/APP_SECRET/);
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
