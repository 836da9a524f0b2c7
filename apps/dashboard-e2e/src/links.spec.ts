import { mkdtemp, chmod, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiProcess, createTestDatabase, startApi } from '@convoy/testing';
import { saveScreenshot, unique } from './admin-e2e-helpers';
import { ADMIN, TILE_URL } from './support/e2e-env';
import { completeFirstSignIn } from './support/first-sign-in';
import { expect, test } from './support/fixtures';

test.describe('tracking links, without a Telegram bot', () => {
  test('an admin creates a link, copies its token, sees it pending, and revokes it', async ({
    page,
    context,
    baseURL,
    signIn,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await signIn(ADMIN);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Links' }).click();
    await expect(page).toHaveURL(/\/links$/);
    await expect(page).toHaveTitle('Tracking links · Convoy');
    // the top banner and the page name the same missing settings
    await expect(page.getByTestId('bot-banner')).toContainText(
      'drivers can join from the browser or a GPS app, not through Telegram until TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_USERNAME are set on the server',
    );
    await expect(page.getByTestId('links-bot-missing')).toContainText(
      'not through Telegram until TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_USERNAME are set on the server',
    );

    const driver = unique('Jan Novák');
    await page.getByLabel('Driver name').fill(driver);
    await page.getByLabel('Note (optional)').fill('Night shift, Prague–Brno');
    await page.getByTestId('create-link').click();

    const card = page.getByTestId('created-link');
    await expect(card.getByRole('heading', { name: `Link for ${driver}` })).toBeFocused();
    // the global-setup API has no bot: the join page link and its QR code, no t.me link, and what Telegram would need
    await expect(page.getByTestId('link-no-bot')).toContainText(
      'Telegram is offered once TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_USERNAME are set on the server',
    );
    await expect(card.getByTestId('link-url')).toHaveCount(0);
    await expect(card.getByTestId('link-qr')).toBeVisible();
    await expect(card).toContainText('Shown only now');
    const joinUrl = await page.getByTestId('link-join-url').inputValue();
    expect(joinUrl).toMatch(new RegExp(`^${baseURL}/join/[A-Za-z0-9_-]{22,64}$`));

    await page.getByTestId('copy-link-join-url').click();
    await expect(page.getByTestId('copy-link-join-url')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(joinUrl);

    const row = page.getByTestId('link-row').filter({ hasText: driver });
    await expect(row.getByTestId('link-status')).toHaveText('Pending');
    await expect(row).toContainText(`by ${ADMIN.email}`);
    await expect(row).toContainText('Night shift, Prague–Brno');

    // revoking asks first; Cancel changes nothing
    await row.getByTestId('revoke-link').click();
    const dialog = page.getByTestId('revoke-link-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading')).toHaveText(`Revoke the link for ${driver}?`);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(row.getByTestId('revoke-link')).toBeFocused();
    await expect(row.getByTestId('link-status')).toHaveText('Pending');

    await row.getByTestId('revoke-link').click();
    await dialog.getByRole('button', { name: 'Revoke link' }).click();
    await expect(row.getByTestId('link-status')).toHaveText('Revoked');
    await expect(row.getByTestId('revoke-link')).toHaveCount(0);

    // the server agrees, after a reload too
    await page.reload();
    await expect(page.getByTestId('link-row').filter({ hasText: driver }).getByTestId('link-status')).toHaveText('Revoked');
    await page.getByTestId('links-filter-pending').click();
    await expect(page.getByTestId('link-row').filter({ hasText: driver })).toHaveCount(0);
    await page.getByTestId('links-filter-revoked').click();
    await expect(page.getByTestId('link-row').filter({ hasText: driver })).toHaveCount(1);
  });
});

test.describe('tracking links on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('"Create link" takes the user to the new link below the form: focused and scrolled into view', async ({ page, signIn }) => {
    await signIn(ADMIN);
    await page.goto('/links');
    const driver = unique('Phone driver');
    await page.getByLabel('Driver name').fill(driver);
    await page.getByTestId('create-link').click();

    const card = page.getByTestId('created-link');
    await expect(card.getByRole('heading', { name: `Link for ${driver}` })).toBeFocused();
    // what the user came for is on screen, not below the fold under the form
    await expect(page.getByTestId('link-join-url')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('copy-link-join-url')).toBeInViewport({ ratio: 1 });
    await expect(card.getByTestId('link-qr')).toBeInViewport({ ratio: 1 });
    // the card (now with the QR code) is taller than a phone: its "shown only now" note follows below
    await expect(card.getByText('Shown only now.')).toBeVisible();
  });
});

/** A second API, with a bot username, so links get their t.me URL and QR code. */
const withBot = test.extend<object, { botApi: ApiProcess }>({
  botApi: [
    // eslint-disable-next-line no-empty-pattern -- Playwright's way to say "depends on no fixture"
    async ({}, use) => {
      const cleanups: Array<() => Promise<unknown>> = [];
      const env: Record<string, string> = {
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.initialPassword,
        TILE_URL,
        LOGIN_RATE_LIMIT: '1000', // as in global-setup: many sign-ins a minute from one address
        LOGIN_ACCOUNT_RATE_LIMIT: '1000',
        TELEGRAM_BOT_USERNAME: 'convoy_test_bot',
        TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0',
        // nothing listens there: the bot keeps retrying in the background, the app runs
        TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      };
      let databaseUrl: string | undefined;
      if (process.env['DATABASE_URL']) {
        const database = await createTestDatabase(process.env['DATABASE_URL'], 'dashboard_e2e_links');
        cleanups.push(() => database.drop());
        databaseUrl = database.url;
      } else {
        const dataDir = await mkdtemp(join(tmpdir(), 'convoy-dashboard-e2e-links-'));
        await chmod(dataDir, 0o755); // the embedded Postgres runs as `postgres` when we are root
        cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
        env['DATA_DIR'] = dataDir;
      }
      const api = await startApi({ databaseUrl, env });
      cleanups.unshift(() => api.stop());
      await completeFirstSignIn(api.baseUrl);
      await use(api);
      for (const cleanup of cleanups) await cleanup();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ botApi }, use) => {
    await use(botApi.baseUrl);
  },
});

withBot.describe('tracking links, with a Telegram bot', () => {
  withBot('the new link has a t.me URL to copy and a QR code big enough to scan', async ({
    page,
    context,
    baseURL,
    signIn,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await signIn(ADMIN);
    await page.goto('/links');
    await expect(page.getByTestId('links-bot-missing')).toHaveCount(0);

    await page.getByLabel('Driver name').fill('Eva Svobodová (truck 7)');
    await page.getByLabel('Number of hours or days').fill('12');
    await page.getByLabel('Unit').selectOption('hours');
    await page.getByTestId('create-link').click();

    const url = await page.getByTestId('link-url').inputValue();
    expect(url).toMatch(/^https:\/\/t\.me\/convoy_test_bot\?start=[A-Za-z0-9_-]{22,64}$/);
    await expect(page.getByTestId('open-in-telegram')).toHaveAttribute('href', url);
    await expect(page.getByTestId('created-link')).toContainText('@convoy_test_bot');
    // beside it the join page of the same token (Telegram, browser or GPS app), which the QR code opens
    const joinUrl = await page.getByTestId('link-join-url').inputValue();
    expect(joinUrl.split('/join/')[1]).toBe(url.split('start=')[1]);

    await page.getByTestId('copy-link-url').click();
    await expect(page.getByTestId('copy-link-url')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    const qr = page.getByTestId('link-qr');
    await expect(qr).toBeVisible();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(240);
    expect(box?.height).toBeGreaterThanOrEqual(240);

    await expect(page.getByTestId('link-row').filter({ hasText: 'Eva Svobodová (truck 7)' }).getByTestId('link-status')).toHaveText(
      'Pending',
    );
    await saveScreenshot(page, testInfo, 'links-page-with-qr', true);
  });

  withBot.describe('in dark mode, on a phone', () => {
    withBot.use({ colorScheme: 'dark', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    withBot('the QR code keeps its white background and the page fits the screen', async ({ page, signIn }, testInfo) => {
      await signIn(ADMIN);
      await page.goto('/links');
      await page.getByLabel('Driver name').fill('Night driver');
      await page.getByTestId('create-link').click();

      const qr = page.getByTestId('link-qr');
      await expect(qr).toBeVisible();
      // the new card is where the user is: focused, and its QR code on screen whole
      await expect(page.getByTestId('created-link').getByRole('heading', { name: 'Link for Night driver' })).toBeFocused();
      await expect(qr).toBeInViewport({ ratio: 1 });
      const background = await qr.evaluate((img) => getComputedStyle(img.parentElement as HTMLElement).backgroundColor);
      expect(background).toBe('rgb(255, 255, 255)');
      expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(240);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // nothing sticks out sideways: the page itself does not scroll horizontally either
      const links = page.locator('cv-links-page');
      expect(await links.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      const header = await page.getByTestId('app-header').boundingBox();
      expect(header?.width).toBe(390);
      await expect(page.getByTestId('user-menu-button')).toBeInViewport({ ratio: 1 });

      await saveScreenshot(page, testInfo, 'links-page-dark-phone', true);
    });
  });
});
