import { readFile } from 'node:fs/promises';
import type { CreatedLinkResponse, DriverDto, UserDto } from '@convoy/contracts';
import { telegramUser, type LocationMessageUpdate } from '@convoy/testing';
import type { Page, TestInfo, WebSocketRoute } from '@playwright/test';
import { ADMIN } from './support/e2e-env';
import { expectMapVisible } from './support/fixtures';
import { expect, test } from './support/fleet-fixtures';
import { centreOf, statusColoursAt } from './support/fleet-map-probe';

const VIEWER = { email: 'viewer@convoy.test', password: 'viewer-password-for-e2e' };
const JAN = telegramUser({ first_name: 'Jan', last_name: 'Novák', username: 'jan_driver' });
const EVA = telegramUser({ first_name: 'Eva', username: 'eva_on_the_road' });

async function screenshot(page: Page, testInfo: TestInfo, name: string, title: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(title, { path, contentType: 'image/png' });
}

async function mapCentre(page: Page) {
  return centreOf(page.getByTestId('fleet-map'));
}

// One driver's journey, in order: the tests share the fleet API (worker fixture) and its data.
test.describe.serial('the live fleet map', () => {
  let janId: string;
  let liveStart: LocationMessageUpdate;

  test('a driver who joins by link appears and moves live, then stops sharing', async ({ page, signIn, fleetApi }, testInfo) => {
    test.setTimeout(90_000);
    await signIn(ADMIN);
    await expectMapVisible(page);
    const empty = page.getByTestId('empty-fleet');
    await expect(empty).toContainText('No drivers yet');
    await expect(empty.getByRole('link', { name: 'Create a tracking link' })).toHaveAttribute('href', '/links');
    await expect(page.getByTestId('bot-banner')).toHaveCount(0); // this API has a bot

    // the tracking link is the Links page's job; here it comes from the API
    const link = await fleetApi.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Jan Novák' });
    expect(link.status).toBe(201);
    fleetApi.telegram.pushUpdate(fleetApi.updates.command(JAN, '/start', link.body.token));

    const row = page.getByTestId('driver-row').filter({ hasText: 'Jan Novák' });
    await expect(row).toContainText('no position yet');
    await expect(empty).toHaveCount(0);
    await expect(page.getByTestId('status-count-offline')).toHaveText('1');

    await test.step('a live location puts the driver on the map, without a reload', async () => {
      liveStart = fleetApi.telegram.pushUpdate(
        fleetApi.updates.liveLocationStart(JAN, { latitude: 50.08, longitude: 14.42, live_period: 3600, horizontal_accuracy: 12 }),
      );
      await expect(row.getByTestId('driver-row-status')).toHaveText('Live');
      await expect(page.getByTestId('status-count-live')).toHaveText('1');
      // a screen reader hears the row as one sentence, not "Jan NovákLive · last seen just now"
      await expect(row).toHaveAccessibleName(/^Jan Novák, via Telegram, live, seen (just now|\d+ s ago)$/);
      await expect(row.getByTestId('driver-row-channel')).toHaveText('Telegram');

      await page.getByTestId('fit-all').click();
      await expect.poll(async () => statusColoursAt(page, await mapCentre(page))).toContain('live');
      // the legend is open on a wide screen, and has no "Demo" entry: this fleet has no demo drivers
      const legend = page.getByTestId('map-legend');
      await expect(legend).toHaveAttribute('open', '');
      await expect(legend).toContainText('Live');
      await expect(legend).not.toContainText('Demo');
      await screenshot(page, testInfo, 'fleet-map.png', 'fleet map: one live driver');
    });

    await test.step('choosing the driver opens the panel and centres the map on them', async () => {
      await row.click();
      await expect(page).toHaveURL(/\/drivers\/[0-9a-f-]{36}$/);
      janId = page.url().split('/').at(-1) as string;
      const panel = page.getByTestId('driver-panel');
      await expect(panel.getByTestId('driver-name')).toHaveText('Jan Novák');
      await expect(panel.getByTestId('driver-status')).toHaveText('Live');
      await expect(panel.getByTestId('driver-telegram')).toHaveText('@jan_driver');
      await expect(panel.getByTestId('driver-channel')).toHaveText('Telegram');
      await expect(panel.getByTestId('disconnect-device')).toHaveCount(0); // Telegram ends with /stop
      await expect(panel.getByTestId('driver-accuracy')).toHaveText('± 12 m');
      await expect(panel.getByTestId('driver-position')).toHaveText('50.08000, 14.42000');
      await expect(row).toHaveAttribute('aria-current', 'true');
      const ring = page.getByTestId('selected-marker');
      await expect(ring).toBeVisible();
      await expect.poll(async () => statusColoursAt(page, await centreOf(ring))).toContain('live');
    });

    await test.step('an edit of the live location moves the marker', async () => {
      const ring = page.getByTestId('selected-marker');
      const before = await centreOf(ring);
      fleetApi.telegram.pushUpdate(
        fleetApi.updates.liveLocationEdit(JAN, liveStart, {
          latitude: 50.081,
          longitude: 14.423,
          heading: 45,
          horizontal_accuracy: 8,
          edit_date: liveStart.message.date + 10,
        }),
      );
      const panel = page.getByTestId('driver-panel');
      await expect(panel.getByTestId('driver-position')).toHaveText('50.08100, 14.42300');
      await expect(panel.getByTestId('driver-heading')).toHaveText('45° NE');
      await expect.poll(async () => (await centreOf(ring)).x - before.x).toBeGreaterThan(50); // east: right
      const after = await centreOf(ring);
      expect(after.y).toBeLessThan(before.y - 30); // north: up
      await expect.poll(async () => statusColoursAt(page, after)).toContain('live');
      expect(await statusColoursAt(page, before)).not.toContain('live'); // nothing left behind
    });

    await test.step('"Follow driver" keeps the moving driver in view; dragging the map stops following', async () => {
      const follow = page.getByTestId('follow');
      await follow.click();
      await expect(follow).toHaveAttribute('aria-pressed', 'true');
      const ring = page.getByTestId('selected-marker');
      // the middle of the map left of the driver panel
      const map = await page.getByTestId('fleet-map').boundingBox();
      const panel = await page.getByTestId('driver-panel').boundingBox();
      const middle = { x: ((map?.x ?? 0) + (panel?.x ?? 0)) / 2, y: (map?.y ?? 0) + (map?.height ?? 0) / 2 };
      const offMiddle = async () => {
        const at = await centreOf(ring);
        return Math.max(Math.abs(at.x - middle.x), Math.abs(at.y - middle.y));
      };
      await expect.poll(offMiddle).toBeLessThan(12); // following pans to the driver at once
      fleetApi.telegram.pushUpdate(
        fleetApi.updates.liveLocationEdit(JAN, liveStart, { latitude: 50.0815, longitude: 14.4245, heading: 60, edit_date: liveStart.message.date + 15 }),
      );
      await expect(page.getByTestId('driver-panel').getByTestId('driver-position')).toHaveText('50.08150, 14.42450');
      await expect.poll(offMiddle).toBeLessThan(12); // and keeps them there as they move

      const centre = await mapCentre(page);
      await page.mouse.move(centre.x - 200, centre.y + 150);
      await page.mouse.down();
      await page.mouse.move(centre.x - 120, centre.y + 100, { steps: 5 });
      await page.mouse.up();
      await expect(follow).toHaveAttribute('aria-pressed', 'false');
    });

    await test.step('stopping the live location turns the driver "sharing ended"', async () => {
      fleetApi.telegram.pushUpdate(fleetApi.updates.liveLocationStopped(JAN, liveStart, { edit_date: liveStart.message.date + 20 }));
      await expect(page.getByTestId('driver-panel').getByTestId('driver-status')).toHaveText('Sharing ended');
      await expect(row.getByTestId('driver-row-status')).toHaveText('Sharing ended');
      await expect(page.getByTestId('status-count-sharing-ended')).toHaveText('1');
      await expect.poll(async () => statusColoursAt(page, await centreOf(page.getByTestId('selected-marker')))).toContain('sharing-ended');
    });
  });

  test('the driver panel (deep link) shows the track, plays it back and exports GPX', async ({ page, signIn }, testInfo) => {
    await signIn(ADMIN);
    await page.goto(`/drivers/${janId}`);
    const panel = page.getByTestId('driver-panel');
    await expect(panel.getByTestId('driver-name')).toHaveText('Jan Novák');
    await expect(page).toHaveTitle('Jan Novák · Convoy');
    await expect(panel.getByTestId('track-summary')).toContainText('3 points');
    await expect(page.locator('path.cv-track-line')).toHaveCount(1);
    await expect(page.getByTestId('track-start')).toBeVisible();
    await expect(page.getByTestId('track-end')).toBeVisible();
    await expect(panel.getByTestId('driver-last-update')).toContainText(/\d/);
    await expect(panel.getByTestId('rename-driver')).toBeVisible();
    await expect(panel.getByTestId('delete-driver')).toBeVisible();

    await test.step('playback runs along the track', async () => {
      const slider = panel.getByTestId('playback-slider');
      await expect(slider).toHaveAttribute('max', '15');
      await expect(page.getByTestId('playback-marker')).toBeVisible();
      await panel.getByTestId('playback-speed').selectOption('5');
      await panel.getByTestId('playback-toggle').click();
      await expect(panel.getByTestId('playback-toggle')).toHaveAccessibleName('Pause playback');
      await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(0);
      // 15 s of track at 5×: back to "play" at the end
      await expect(panel.getByTestId('playback-toggle')).toHaveAccessibleName('Play the track', { timeout: 8_000 });
      expect(Number(await slider.inputValue())).toBe(15);
    });

    await screenshot(page, testInfo, 'driver-panel.png', 'driver panel with track');

    await test.step('export GPX downloads a valid file with the points', async () => {
      const downloading = page.waitForEvent('download');
      await panel.getByTestId('export-gpx').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^Jan_Nov.*\.gpx$/);
      const gpx = await readFile(await download.path(), 'utf8');
      expect(gpx).toContain('<gpx');
      expect(gpx.match(/<trkpt /g)).toHaveLength(3);
      expect(gpx).toContain('lat="50.081"');
    });
  });

  test('a link to a driver who does not exist says so in a short note and leads back to the fleet', async ({ page, signIn }) => {
    await signIn(ADMIN);
    await page.goto('/drivers/00000000-0000-4000-8000-000000000000');
    const panel = page.getByTestId('driver-panel');
    await expect(panel.getByRole('heading', { name: 'Driver not found' })).toBeVisible();
    await expect(panel).toContainText('This driver does not exist or was deleted.');
    // a compact note in the corner of the map, not a full-height sheet of nothing
    const box = await panel.boundingBox();
    const map = await page.getByTestId('fleet-map').boundingBox();
    expect(box?.height).toBeLessThan(200);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThan((map?.y ?? 0) + (map?.height ?? 0) / 2);

    await panel.getByRole('button', { name: 'Back to the map' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(panel).toHaveCount(0);
    await expect(page.getByTestId('driver-row').filter({ hasText: 'Jan Novák' })).toBeVisible();
  });

  test('a viewer sees the fleet and the panel but cannot rename or delete', async ({ page, signIn, fleetApi }) => {
    const created = await fleetApi.admin.post<UserDto>('/api/users', { ...VIEWER, role: 'viewer' });
    expect(created.status).toBe(201);
    await signIn(VIEWER);
    await page.getByTestId('driver-row').filter({ hasText: 'Jan Novák' }).click();
    const panel = page.getByTestId('driver-panel');
    await expect(panel.getByTestId('driver-name')).toHaveText('Jan Novák');
    await expect(panel.getByTestId('track-summary')).toContainText('3 points');
    await expect(panel.getByTestId('export-gpx')).toBeVisible();
    await expect(panel.getByTestId('rename-driver')).toHaveCount(0);
    await expect(panel.getByTestId('delete-driver')).toHaveCount(0);
    await expect(panel.getByRole('button', { name: /rename|delete/i })).toHaveCount(0);
  });

  test('a dispatcher renames a driver in place and deletes one after confirming', async ({ page, signIn, fleetApi }) => {
    const link = await fleetApi.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Eva' });
    fleetApi.telegram.pushUpdate(fleetApi.updates.command(EVA, '/start', link.body.token));
    fleetApi.telegram.pushUpdate(fleetApi.updates.location(EVA, { latitude: 48.2, longitude: 16.37 }));

    await signIn(ADMIN);
    const eva = page.getByTestId('driver-row').filter({ hasText: 'Eva' });
    await expect(eva).toContainText('Live');
    await eva.click();
    const panel = page.getByTestId('driver-panel');

    await panel.getByTestId('rename-driver').click();
    const name = panel.getByLabel('Driver name');
    await expect(name).toBeFocused();
    await name.fill('Eva Kovács (van 3)');
    await name.press('Enter');
    await expect(panel.getByTestId('driver-name')).toHaveText('Eva Kovács (van 3)');
    await expect(page.getByTestId('driver-row').filter({ hasText: 'Eva Kovács (van 3)' })).toBeVisible();
    const renamed = await fleetApi.admin.get<DriverDto[]>('/api/drivers');
    expect(renamed.body.map((d) => d.name).sort()).toEqual(['Eva Kovács (van 3)', 'Jan Novák']);

    await panel.getByTestId('delete-driver').click();
    const dialog = page.getByTestId('delete-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading')).toHaveText('Delete Eva Kovács (van 3)?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(panel).toBeVisible();

    await panel.getByTestId('delete-driver').click();
    await page.getByTestId('confirm-delete').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('driver-row')).toHaveCount(1);
    await expect(page.getByTestId('driver-row')).toContainText('Jan Novák');
    expect((await fleetApi.admin.get<DriverDto[]>('/api/drivers')).body).toHaveLength(1);
  });

  test('a dropped connection shows a banner, reconnects and re-syncs', async ({ page, signIn, fleetApi }) => {
    test.setTimeout(60_000);
    let socket: WebSocketRoute | null = null;
    let refuse = false;
    await page.routeWebSocket(
      (url) => url.pathname.startsWith('/socket.io/'),
      (ws) => {
        if (refuse) {
          ws.close({ code: 4000, reason: 'e2e: network down' });
          return;
        }
        ws.connectToServer();
        socket = ws;
      },
    );
    await signIn(ADMIN);
    await expect(page.getByTestId('driver-row')).toHaveCount(1);
    await expect.poll(() => socket !== null).toBe(true);
    await expect(page.getByTestId('connection-banner')).toHaveCount(0);

    refuse = true;
    await (socket as WebSocketRoute | null)?.close({ code: 4001, reason: 'e2e: connection lost' });
    const banner = page.getByTestId('connection-banner');
    await expect(banner).toContainText('Live updates paused');
    await expect(banner).toContainText(/Reconnecting/);

    // meanwhile a driver joins (the socket's `driver` event is lost: re-sync must bring them)
    const link = await fleetApi.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Mira' });
    const mira = telegramUser({ first_name: 'Mira' });
    fleetApi.telegram.pushUpdate(fleetApi.updates.command(mira, '/start', link.body.token));
    await expect.poll(async () => (await fleetApi.admin.get<DriverDto[]>('/api/drivers')).body.length).toBe(2);
    await expect(page.getByTestId('driver-row')).toHaveCount(1);

    refuse = false;
    // the back-off may reconnect on its own between these lines (a loaded machine): then the banner,
    // and its button, are gone before the click — which is what the user wanted anyway
    await banner
      .getByRole('button', { name: 'Retry now' })
      .click({ timeout: 5_000 })
      .catch(async (error: unknown) => {
        if ((await banner.count()) > 0) throw error;
      });
    await expect(banner).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByTestId('driver-row').filter({ hasText: 'Mira' })).toBeVisible();
  });

  test.describe('on a phone, in dark mode', () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, colorScheme: 'dark' });

    test('the list is a drawer and the panel a bottom sheet', async ({ page, signIn }, testInfo) => {
      await signIn(ADMIN);
      await expectMapVisible(page);
      const drawer = page.getByTestId('driver-drawer');
      const toggle = page.getByTestId('drawer-toggle');
      await expect(drawer).toBeHidden();
      await expect(toggle).toContainText('Drivers');
      // the legend starts folded: open, it would cover a good part of a phone's map
      const legend = page.getByTestId('map-legend');
      await expect(legend).toBeVisible();
      await expect(legend).not.toHaveAttribute('open');
      // zoom sits top right on a phone, inset like the drawer toggle on the left, not flush with the edge
      const zoom = await page.locator('.leaflet-control-zoom').boundingBox();
      const toggleBox = await toggle.boundingBox();
      expect(390 - ((zoom?.x ?? 0) + (zoom?.width ?? 0))).toBeGreaterThanOrEqual(toggleBox?.x ?? 10);

      await toggle.click();
      await expect(drawer).toBeVisible();
      await expect(page.getByTestId('driver-search')).toBeFocused();
      await expect(drawer.getByTestId('driver-row')).toHaveCount(2);
      await screenshot(page, testInfo, 'phone-drawer.png', 'phone: driver drawer (dark)');
      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      await expect(toggle).toBeFocused();

      await toggle.click();
      await page.getByTestId('driver-row').filter({ hasText: 'Jan Novák' }).click();
      await expect(drawer).toBeHidden();
      const panel = page.getByTestId('driver-panel');
      await expect(panel.getByTestId('driver-name')).toHaveText('Jan Novák');
      const box = await panel.boundingBox();
      expect(box?.width).toBeGreaterThan(380);
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThanOrEqual(843);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // the map centres the driver in the part the sheet leaves visible
      const ring = await centreOf(page.getByTestId('selected-marker'));
      expect(ring.y).toBeLessThan(box?.y ?? 0);
      expect(ring.y).toBeGreaterThan(56);
      await screenshot(page, testInfo, 'phone-panel.png', 'phone: driver panel (dark)');
    });
  });

  test('the list searches, filters by status, sorts, and works with the keyboard', async ({ page, signIn }) => {
    await signIn(ADMIN);
    const rows = page.getByTestId('driver-row');
    await expect(rows).toHaveText([/Jan Novák/, /Mira/]); // last seen first; never seen last

    await page.getByTestId('driver-search').fill('novak'); // accents and case do not matter
    await expect(rows).toHaveText([/Jan Novák/]);
    await page.getByTestId('driver-search').fill('');

    await page.getByTestId('status-chip-offline').click();
    await expect(page.getByTestId('status-chip-offline')).toHaveAttribute('aria-pressed', 'true');
    await expect(rows).toHaveText([/Mira/]);
    await page.getByRole('button', { name: /^All/ }).click();
    await page.getByTestId('driver-sort').selectOption('name');
    await expect(rows).toHaveText([/Jan Novák/, /Mira/]);

    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(rows.first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('driver-panel').getByTestId('driver-name')).toHaveText('Jan Novák');
  });
});
