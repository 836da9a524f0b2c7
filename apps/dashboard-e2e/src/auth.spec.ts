import { ADMIN, TILE_HOST } from './support/e2e-env';
import type { Locator } from '@playwright/test';
import { expect, expectMapVisible, test } from './support/fixtures';

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator} has no box: not visible`);
  return found;
}

test.describe('signing in and out', () => {
  test('the admin signs in, sees the live map and signs out', async ({ page, signIn, tileRequests }, testInfo) => {
    await signIn(ADMIN);

    const header = page.getByTestId('app-header');
    await expect(header.getByText('Convoy', { exact: true })).toBeVisible();
    await expect(header.getByTestId('user-email')).toHaveText(ADMIN.email);
    await expect(header.getByTestId('user-role')).toHaveText('Admin');
    await expect(page).toHaveTitle('Live map · Convoy');

    await expectMapVisible(page);
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests.every((url) => url.startsWith(`${TILE_HOST}/`))).toBe(true);
    // the API runs without TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_USERNAME: the banner names both
    await expect(page.getByTestId('bot-banner')).toHaveText(
      /Telegram bot not configured: drivers can join from the browser or a GPS app, not through Telegram until TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_USERNAME are set on the server\./,
    );

    await page.screenshot({ path: testInfo.outputPath('signed-in-map.png') });
    await testInfo.attach('signed-in map', { path: testInfo.outputPath('signed-in-map.png'), contentType: 'image/png' });

    // the session is the server's cookie: a reload keeps it
    await page.reload();
    await expect(page.getByTestId('user-email')).toHaveText(ADMIN.email);

    await page.getByTestId('user-menu-button').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

    // and it is really gone on the server
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('signing out in another tab closes this tab’s live map, and its login page says why', async ({ page, context, signIn }, testInfo) => {
    // the page's styles come with a per-response nonce: nothing is blocked, and no 'unsafe-inline' is needed
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    await signIn(ADMIN);
    await expectMapVisible(page);
    const csp = (await page.request.get('/drivers', { headers: { accept: 'text/html' } })).headers()['content-security-policy'];
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("connect-src 'self'");

    const other = await context.newPage();
    await other.goto('/');
    await other.getByTestId('user-menu-button').click();
    await other.getByRole('button', { name: 'Sign out' }).click();
    await expect(other).toHaveURL(/\/login$/);

    // the server closes the first tab's socket with the reason; the tab goes to the login page and says it
    await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
    await expect(page.getByRole('status')).toHaveText('Signed out. This session was ended, perhaps in another tab.');
    expect(cspViolations).toEqual([]);

    await page.screenshot({ path: testInfo.outputPath('signed-out-elsewhere.png') });
    await testInfo.attach('signed out elsewhere', { path: testInfo.outputPath('signed-out-elsewhere.png'), contentType: 'image/png' });
  });

  test('a wrong password shows an error and stays on /login', async ({ page }, testInfo) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-right-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByRole('alert')).toHaveText('Wrong email or password');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel('Email')).toHaveValue(ADMIN.email);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();

    await page.screenshot({ path: testInfo.outputPath('login-error.png') });
    await testInfo.attach('login error', { path: testInfo.outputPath('login-error.png'), contentType: 'image/png' });
  });

  test('visiting / signed out lands on /login', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('fleet-map')).toHaveCount(0);
  });

  test('a deep link survives signing in', async ({ page }) => {
    await page.goto('/no/such/page?x=1');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fno%2Fsuch%2Fpage%3Fx%3D1$/);

    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/\/no\/such\/page\?x=1$/);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the live map' }).click();
    await expectMapVisible(page);
  });

  test('the keyboard alone is enough to sign in', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').focus();
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('user-email')).toHaveText(ADMIN.email);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the header fits and the map fills the screen', async ({ page, signIn }, testInfo) => {
    await signIn(ADMIN);
    await expectMapVisible(page);

    const map = await box(page.getByTestId('fleet-map'));
    const header = await box(page.getByTestId('app-header'));
    expect(header.width).toBeLessThanOrEqual(390);
    expect(map.width).toBe(390);
    expect(map.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(map.y + map.height).toBeGreaterThanOrEqual(843); // down to the bottom of the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.screenshot({ path: testInfo.outputPath('signed-in-map-phone.png') });
    await testInfo.attach('signed-in map (phone)', {
      path: testInfo.outputPath('signed-in-map-phone.png'),
      contentType: 'image/png',
    });
  });
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system colour scheme', async ({ page, signIn }, testInfo) => {
    await page.goto('/login');
    const loginBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(loginBackground)).toBeLessThan(0.25);

    await signIn(ADMIN);
    await expectMapVisible(page);
    const headerBackground = await page
      .getByTestId('app-header')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(luminance(headerBackground)).toBeLessThan(0.25);

    await page.getByTestId('user-menu-button').click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('dark-map-menu.png') });
    await testInfo.attach('dark mode, user menu open', {
      path: testInfo.outputPath('dark-map-menu.png'),
      contentType: 'image/png',
    });
  });
});

/** Relative luminance (0 black … 1 white) of a CSS `rgb(r, g, b)` colour. */
function luminance(cssColor: string): number {
  const [r, g, b] = (cssColor.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
