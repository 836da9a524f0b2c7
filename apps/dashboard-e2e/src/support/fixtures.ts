import { expect, type Page, test as base } from '@playwright/test';
import { ADMIN, baseUrlFromEnv, TILE_HOST } from './e2e-env';
import { fakeTilePng } from './tile-png';

interface ConvoyFixtures {
  /** Map tiles requested by the page (answered locally). */
  tileRequests: string[];
  /** Signs in through the login form and waits for the map page. */
  signIn: (credentials?: { email: string; password: string }) => Promise<void>;
}

export const test = base.extend<ConvoyFixtures>({
  // global-setup picked the port after this config was read: take it from the environment
  // eslint-disable-next-line no-empty-pattern -- Playwright's way to say "depends on no fixture"
  baseURL: async ({}, use) => {
    await use(baseUrlFromEnv());
  },

  tileRequests: [
    async ({ context }, use) => {
      const requests: string[] = [];
      await context.route(`${TILE_HOST}/**`, (route) => {
        requests.push(route.request().url());
        return route.fulfill({ status: 200, contentType: 'image/png', body: fakeTilePng() });
      });
      await use(requests);
    },
    { auto: true },
  ],

  context: async ({ context, baseURL }, use) => {
    // No internet in tests: anything that is neither the API nor the fake tile host is refused.
    const own = new URL(baseURL ?? baseUrlFromEnv()).origin;
    await context.route(
      (url) => url.origin !== own && url.origin !== TILE_HOST && url.protocol.startsWith('http'),
      (route) => route.abort('blockedbyclient'),
    );
    await use(context);
  },

  signIn: async ({ page }, use) => {
    await use(async (credentials = ADMIN) => {
      await page.goto('/login');
      await page.getByLabel('Email').fill(credentials.email);
      await page.getByLabel('Password', { exact: true }).fill(credentials.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/\/$/);
    });
  },
});

export { expect };

/** The map is drawn: Leaflet's container, at least one loaded tile, and the attribution. */
export async function expectMapVisible(page: Page): Promise<void> {
  const map = page.getByTestId('fleet-map');
  await expect(map).toBeVisible();
  await expect(map).toHaveClass(/leaflet-container/);
  await expect(map.locator('.leaflet-tile-pane .leaflet-layer img.leaflet-tile-loaded').first()).toBeVisible();
  await expect(map.locator('.leaflet-control-attribution')).toContainText('OpenStreetMap');
}
