import { Logger, type Provider } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '@convoy/server/config';

export const APP_SECRET = Symbol('APP_SECRET');

/**
 * APP_SECRET keys the hashes of every stored token. Production requires it (config validation);
 * elsewhere one is generated once and kept in DATA_DIR, so sign-ins survive restarts.
 */
export const appSecretProvider: Provider = {
  provide: APP_SECRET,
  inject: [AppConfig],
  useFactory: (config: AppConfig): string => {
    if (config.appSecret) return config.appSecret;
    const file = join(config.dataDir, 'app-secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(config.dataDir, { recursive: true, mode: 0o755 });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    new Logger('AppSecret').warn(`APP_SECRET is not set: generated one in ${file} (set APP_SECRET in production)`);
    return secret;
  },
};
