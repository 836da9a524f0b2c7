import type { AppConfig } from '@convoy/server/config';

export interface BannerFacts {
  url: string;
  database: string;
  firstSignIn: { email: string; generatedPassword: string | null; passwordFile: string | null; createdNow: boolean } | null;
}

/** The few lines a person needs after `npm start`: where to go and how to sign in. */
export function startupBanner(config: AppConfig, facts: BannerFacts): string {
  const lines = [`Convoy is running: ${facts.url}`, `  API docs:  ${facts.url}/api/docs`, `  Database:  ${facts.database}`];
  const admin = facts.firstSignIn;
  // belt and braces: a password never reaches a production log, whatever the caller passed
  if (admin?.createdNow && admin.generatedPassword && !config.isProduction) {
    lines.push(
      `  First sign-in: ${admin.email} / ${admin.generatedPassword}`,
      '  (this password is shown once and must be changed at the first sign-in; or set ADMIN_EMAIL/ADMIN_PASSWORD before the first start)',
    );
  } else if (admin?.createdNow && admin.passwordFile) {
    lines.push(
      `  First sign-in: ${admin.email} with the one-time password in ${admin.passwordFile}`,
      '  (it must be changed at the first sign-in; delete the file afterwards)',
    );
  } else if (admin?.createdNow) {
    lines.push(`  First sign-in: ${admin.email} with the password from ADMIN_PASSWORD (it must be changed then)`);
  } else {
    lines.push('  Sign in with your Convoy account.');
  }
  if (config.demoFleet > 0) {
    lines.push(`  Demo fleet: ${config.demoFleet} simulated drivers in Berlin (DEMO_FLEET=0 turns it off)`);
  }
  if (!config.telegram.botToken) {
    lines.push('  Telegram bot: disabled (set TELEGRAM_BOT_TOKEN so drivers can redeem tracking links)');
  }
  const width = Math.max(...lines.map((line) => line.length)) + 2;
  const rule = '='.repeat(width);
  return ['', rule, ...lines, rule, ''].join('\n');
}

/** The URL people open: PUBLIC_URL, else the bound address (0.0.0.0 shown as localhost). */
export function displayUrl(config: AppConfig, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
