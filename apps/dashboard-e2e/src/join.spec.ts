import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import type { CreatedLinkResponse, DriverDto, JoinResponse } from '@convoy/contracts';
import { unique } from './admin-e2e-helpers';
import { ADMIN } from './support/e2e-env';
import { expect, test } from './support/fixtures';

/** A phone: 390×844, touch, location granted and placed in Berlin. */
const PHONE = { width: 390, height: 844 } as const;
const START = { latitude: 52.52, longitude: 13.405 } as const;

async function openPhone(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const phone = await browser.newContext({
    baseURL,
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    locale: 'en-GB',
    geolocation: START,
    permissions: ['geolocation'],
  });
  // offline rules of the fixtures: nothing but the API
  const own = new URL(baseURL).origin;
  await phone.route((url) => url.origin !== own && url.protocol.startsWith('http'), (route) => route.abort('blockedbyclient'));
  return { context: phone, page: await phone.newPage() };
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** "52.52000, 13.40500", as the driver panel writes a position. */
const coordinates = (p: { latitude: number; longitude: number }) => `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}`;

test.describe('the join page (drivers without Telegram)', () => {
  test('a driver shares from the phone browser; the dispatcher sees them move, stop, and resume as the same driver', async ({
    page,
    browser,
    baseURL,
    signIn,
  }, testInfo) => {
    if (!baseURL) throw new Error('no baseURL');
    await signIn(ADMIN);
    const name = unique('Jana Browser');
    const created = await page.request.post('/api/links', { data: { driverName: name } });
    expect(created.status()).toBe(201);
    const link = (await created.json()) as CreatedLinkResponse;
    expect(link.joinUrl).toBe(`${baseURL}/join/${link.token}`);

    const phone = await openPhone(browser, baseURL);
    // the join page is the dashboard's index.html: served with its CSP nonce, its styles apply (they were blocked once)
    const cspViolations: string[] = [];
    phone.page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    try {
      const answer = await phone.page.goto(link.joinUrl ?? '');
      expect(answer?.headers()['content-security-policy']).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(answer?.headers()['cache-control']).toBe('no-store');
      await expect(phone.page.getByTestId('join-driver-name')).toHaveText(`Hello, ${name}`);
      expect(cspViolations).toEqual([]);
      // no bot on this server: no Telegram button, the other two choices
      await expect(phone.page.getByTestId('join-telegram')).toHaveCount(0);
      await expect(phone.page.getByTestId('join-app')).toBeVisible();
      await shot(phone.page, testInfo, 'join-choices-390x844');

      const redeemed = phone.page.waitForResponse((r) => r.url().endsWith(`/api/join/${link.token}`) && r.request().method() === 'POST');
      await phone.page.getByTestId('join-browser').click();
      const joined = (await (await redeemed).json()) as JoinResponse;
      expect(joined.driverName).toBe(name);
      await expect(phone.page.getByTestId('sharing-status')).toContainText('last sent');
      await expect(phone.page.getByTestId('sharing-keep-open')).toContainText('Closing it (or the browser) stops sharing');
      await shot(phone.page, testInfo, 'join-sharing-390x844');

      // the dispatcher's panel of that driver: channel, position
      await page.goto(`/drivers/${joined.driverId}`);
      const panel = page.getByTestId('driver-panel');
      await expect(panel.getByTestId('driver-channel')).toHaveText('Browser');
      await expect(panel.getByTestId('driver-position')).toHaveText(coordinates(START));
      await expect(panel.getByTestId('driver-status')).toHaveAttribute('data-status', 'live');

      // the phone moves: the dispatcher's dashboard follows
      const moved = { latitude: 52.5301, longitude: 13.4102 };
      const before = Date.now();
      await phone.context.setGeolocation(moved);
      await expect(panel.getByTestId('driver-position')).toHaveText(coordinates(moved));
      const latency = `phone moved → dispatcher's panel showed it: ${Date.now() - before} ms`;
      testInfo.annotations.push({ type: 'measurement', description: latency });
      console.log(`[join.spec] ${latency}`);
      await shot(page, testInfo, 'dispatcher-panel-browser-driver');

      // Stop: the phone says so, the dashboard shows the session ended
      await phone.page.getByTestId('sharing-stop').click();
      await expect(phone.page.getByTestId('sharing-ended')).toHaveText('Sharing ended');
      await expect(panel.getByTestId('driver-status')).toHaveAttribute('data-status', 'sharing-ended');
      await shot(phone.page, testInfo, 'join-ended-390x844');

      // reopened on the same phone: the same driver, sharing again when asked (a Stop is not undone by a reload)
      await phone.page.reload();
      await expect(phone.page.getByTestId('join-driver-name')).toHaveText(`Hello, ${name}`);
      await phone.page.getByTestId('sharing-start').click();
      await expect(phone.page.getByTestId('sharing-status')).toContainText('last sent');
      const again = { latitude: 52.5402, longitude: 13.4203 };
      await phone.context.setGeolocation(again);
      await expect(panel.getByTestId('driver-position')).toHaveText(coordinates(again));
      await expect(panel.getByTestId('driver-status')).toHaveAttribute('data-status', 'live');

      // a reload while sharing carries on by itself
      await phone.page.reload();
      await expect(phone.page.getByTestId('sharing-status')).toContainText('last sent');
      const last = { latitude: 52.5503, longitude: 13.4304 };
      await phone.context.setGeolocation(last);
      await expect(panel.getByTestId('driver-position')).toHaveText(coordinates(last));

      const drivers = (await (await page.request.get('/api/drivers')).json()) as DriverDto[];
      expect(drivers.filter((d) => d.name === name).map((d) => d.id)).toEqual([joined.driverId]);

      // the dispatcher disconnects the phone: its key stops working, the phone says so, the history stays
      await panel.getByTestId('disconnect-device').click();
      const dialog = page.getByTestId('disconnect-dialog');
      await expect(dialog).toContainText('The browser stops sending positions at once');
      await dialog.getByTestId('confirm-button').click();
      await expect(panel.getByTestId('driver-channel')).toHaveText('not connected');
      await expect(panel.getByTestId('disconnect-device')).toHaveCount(0);
      await phone.context.setGeolocation({ latitude: 52.56, longitude: 13.44 });
      await expect(phone.page.getByTestId('sharing-revoked')).toContainText('Ask your dispatcher for a new link');
      await expect(panel.getByTestId('driver-position')).toHaveText(coordinates(last));
      await phone.page.reload(); // the key is forgotten: the used link is refused like any other
      await expect(phone.page.getByTestId('join-invalid')).toBeVisible();
    } finally {
      await phone.context.close();
    }
  });

  test('an unknown link shows a clear page, with a 404', async ({ browser, baseURL }, testInfo) => {
    if (!baseURL) throw new Error('no baseURL');
    const phone = await openPhone(browser, baseURL);
    try {
      const response = await phone.page.goto('/join/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      expect(response?.status()).toBe(404);
      await expect(phone.page.getByTestId('join-invalid')).toContainText('Ask your dispatcher for a new link');
      await shot(phone.page, testInfo, 'join-invalid-390x844');
    } finally {
      await phone.context.close();
    }
  });
});
