/** What global-setup hands to the tests (through the environment, which Playwright workers inherit). */
export const E2E_BASE_URL_VAR = 'CONVOY_E2E_BASE_URL';

/**
 * The admin the API creates on its first start (ADMIN_EMAIL / ADMIN_PASSWORD = `initialPassword`).
 * Such a password must be changed at the first sign-in: global-setup does that once (to
 * `password`), as the person installing Convoy would, so the specs start from a set-up system.
 */
export const ADMIN = {
  email: 'admin@convoy.test',
  initialPassword: 'e2e-admin-initial-password-5d1a',
  password: 'e2e-admin-password-7f3c',
} as const;

/** A host that does not exist: the browser context answers its tile requests itself (no internet). */
export const TILE_HOST = 'http://tiles.convoy.test';
export const TILE_URL = `${TILE_HOST}/{z}/{x}/{y}.png`;

export function baseUrlFromEnv(): string {
  const url = process.env[E2E_BASE_URL_VAR];
  if (!url) {
    throw new Error(`${E2E_BASE_URL_VAR} is not set: run through playwright.config.ts (its globalSetup starts the API)`);
  }
  return url;
}
