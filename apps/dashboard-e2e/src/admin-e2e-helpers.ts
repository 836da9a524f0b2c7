import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { expect } from './support/fixtures';
import { TILE_HOST } from './support/e2e-env';
import { fakeTilePng } from './support/tile-png';

export interface Credentials {
  email: string;
  password: string;
}

/** A name no earlier test (nor an earlier run on the same database) used. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A second person in their own browser (no shared cookies), with the same offline rules as the
 * fixtures' context: map tiles answered locally, anything not ours refused.
 */
export async function openSecondBrowser(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  const own = new URL(baseURL).origin;
  await context.route(`${TILE_HOST}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: fakeTilePng() }),
  );
  await context.route(
    (url) => url.origin !== own && url.origin !== TILE_HOST && url.protocol.startsWith('http'),
    (route) => route.abort('blockedbyclient'),
  );
  return context;
}

/** Signs in through the login form; lands on the live map. */
export async function signInAs(page: Page, credentials: Credentials): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-email')).toHaveText(credentials.email);
}

/**
 * Saves a screenshot as a test artifact. The pages scroll inside the shell (the header stays), so
 * the viewport grows to the page's height first when `whole` is set.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string, whole = false): Promise<void> {
  if (whole) {
    const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
    const height = await page.evaluate(() => {
      const scroller = document.querySelector('main.content > :not(router-outlet)');
      return scroller ? scroller.getBoundingClientRect().top + scroller.scrollHeight : 0;
    });
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
  }
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
