import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const workspaceRoot = join(__dirname, '..', '..');

/**
 * Real Chromium (Debian's /usr/bin/chromium: Playwright never downloads a browser) against the built
 * dashboard served by the built API, which global-setup starts on a free port with a fresh database.
 * Tests get that URL as `baseURL` from ./src/support/fixtures.ts.
 */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.spec.ts',
  outputDir: join(workspaceRoot, 'dist/.playwright/apps/dashboard-e2e/test-output'),
  globalSetup: './src/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium' }],
});
