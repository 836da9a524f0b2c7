import type { CreatedLinkResponse, DriverDto, PlaceDto } from '@convoy/contracts';
import { FakeTelegramClock, LIVE_PERIOD_INDEFINITE, TelegramUpdateFactory, telegramUser } from '@convoy/testing';
import { saveScreenshot, unique } from './admin-e2e-helpers';
import { expect, test } from './support/fleet-fixtures';

const M_LAT = 1 / 111_195;

test.describe('places and reports', () => {
  test('a dispatcher draws a circle place on the map and saves it', async ({ page, signIn, fleetApi }, testInfo) => {
    await signIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Places' }).click();
    await expect(page).toHaveTitle('Places · Convoy');
    const map = page.getByTestId('places-map');
    await expect(map).toHaveClass(/leaflet-container/);

    await page.getByTestId('draw-circle').click();
    await expect(page.getByRole('status').filter({ hasText: 'Click the centre' })).toBeVisible();
    const box = await map.boundingBox();
    if (!box) throw new Error('the places map has no size');
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.click(centre.x, centre.y);
    await page.mouse.move(centre.x + 60, centre.y, { steps: 5 });
    await page.mouse.click(centre.x + 60, centre.y);

    const form = page.getByTestId('place-form');
    await expect(form).toBeVisible();
    await expect(page.getByTestId('place-shape')).toContainText(/Circle, \d+ m/);
    const name = unique('Depot North');
    await page.getByTestId('place-name').fill(name);
    await page.getByTestId('place-kind').selectOption('depot');
    await page.getByTestId('place-save').click();

    const row = page.getByTestId('place-row').filter({ hasText: name });
    await expect(row).toContainText('Depot');
    await expect(row).toContainText(/Circle, \d+ m/);
    const saved = (await fleetApi.admin.get<PlaceDto[]>('/api/places')).body.find((p) => p.name === name);
    expect(saved).toMatchObject({ kind: 'depot', polygon: null });
    expect(saved?.radiusM).toBeGreaterThanOrEqual(25);
    // drawn on the map as a path of its own
    await expect(map.locator('path.leaflet-interactive')).not.toHaveCount(0);
    await saveScreenshot(page, testInfo, 'places-page', true);

    // the fleet map draws places on demand, under the drivers
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Live map' }).click();
    const fleetMap = page.getByTestId('fleet-map');
    await expect(fleetMap).toHaveClass(/leaflet-container/);
    const toggle = page.getByTestId('toggle-places');
    if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
    await expect(fleetMap.locator('.leaflet-cv-places-pane path')).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(fleetMap.locator('.leaflet-cv-places-pane path')).not.toHaveCount(0);
  });

  test('importing a CSV with one bad row previews it and imports nothing', async ({ page, signIn, fleetApi }) => {
    await signIn();
    await page.goto('/places');
    const before = (await fleetApi.admin.get<PlaceDto[]>('/api/places')).body.length;
    const csv = ['name,lat,lon,radius_m,kind,note', 'Customer Müller,52.50,13.30,40,customer,', 'Kiosk,52.51,13.31,10,customer,', 'Shell A9,52.40,13.20,80,fuel,'].join('\n');
    await page.getByTestId('place-import-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = page.getByTestId('place-import-preview');
    await expect(preview).toContainText('1 bad row');
    await expect(preview.getByTestId('place-import-problem')).toHaveText([/3\s*radius_m must be between 25 and 5000 metres/]);
    await expect(page.getByTestId('place-import-confirm')).toHaveCount(0);
    expect((await fleetApi.admin.get<PlaceDto[]>('/api/places')).body).toHaveLength(before);

    // the fixed file previews two places and imports them
    await page.getByTestId('place-import-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace('Kiosk,52.51,13.31,10,', 'Kiosk,52.51,13.31,30,')) });
    await expect(preview).toContainText('3 places ready to import');
    await page.getByTestId('place-import-confirm').click();
    await expect(page.getByTestId('place-import-done')).toHaveText('3 places imported.');
    await expect(page.getByTestId('place-row').filter({ hasText: 'Kiosk' })).toBeVisible();
  });

  test("a day's report: the summary, the driver's timeline with the stop's place, a trip on the map", async ({ page, signIn, fleetApi }, testInfo) => {
    const depot = { lat: 50.1, lon: 14.5 };
    const placeName = unique('Yard');
    await fleetApi.admin.post('/api/places', { name: placeName, kind: 'depot', center: depot, radiusM: 150 });
    const driverName = unique('Aziz');
    const link = await fleetApi.admin.post<CreatedLinkResponse>('/api/links', { driverName });
    const aziz = telegramUser({ first_name: 'Aziz' });
    await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(fleetApi.updates.command(aziz, '/start', link.body.token)), 10_000);

    // 40 minutes ago: parked 5 min at the yard, 6 min north at 36 km/h, parked 5 min
    const startedAt = Math.floor(Date.now() / 1000) - 40 * 60;
    const updates = new TelegramUpdateFactory({ messageIds: fleetApi.telegram, clock: new FakeTelegramClock(startedAt) });
    const start = fleetApi.telegram.pushUpdate(
      updates.liveLocationStart(aziz, { latitude: depot.lat, longitude: depot.lon, live_period: LIVE_PERIOD_INDEFINITE, horizontal_accuracy: 8 }),
    );
    await fleetApi.telegram.waitForConfirmed(start, 10_000);
    let t = startedAt;
    let north = 0;
    const send = async (seconds: number) => {
      t += seconds;
      const edit = updates.liveLocationEdit(aziz, start, { latitude: depot.lat + north * M_LAT, longitude: depot.lon, horizontal_accuracy: 8, edit_date: t });
      await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(edit), 10_000);
    };
    for (let i = 0; i < 10; i++) await send(30);
    for (let i = 0; i < 36; i++) {
      north += 100;
      await send(10);
    }
    for (let i = 0; i < 10; i++) await send(30);

    await signIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await expect(page).toHaveTitle('Reports · Convoy');
    await page.getByTestId('report-from').fill(new Date(startedAt * 1000).toISOString().slice(0, 10));
    await page.getByTestId('report-to').fill(new Date().toISOString().slice(0, 10));
    await page.getByTestId('report-run').click();

    const row = page.getByTestId('summary-row').filter({ hasText: driverName });
    await expect(row).toContainText('3.6 km');
    await row.getByRole('button', { name: driverName }).click();
    const timeline = page.getByTestId('driver-timeline');
    await expect(timeline.getByTestId('timeline-stop').first()).toContainText(`at ${placeName}`);
    await expect(timeline.getByTestId('timeline-trip')).toHaveCount(1);
    await expect(timeline.getByTestId('timeline-trip')).toContainText('Drove 3.6 km');
    await expect(timeline.locator('li').first()).toHaveAttribute('data-testid', 'timeline-stop');

    await timeline.getByTestId('show-trip').click();
    const tripMap = page.getByTestId('trip-map');
    await expect(tripMap.locator('path.cv-track-line')).toHaveCount(1);
    await saveScreenshot(page, testInfo, 'reports-page', true);

    const drivers = (await fleetApi.admin.get<DriverDto[]>('/api/drivers')).body;
    expect(drivers.some((d) => d.name === driverName)).toBe(true);
  });

  test('an arrival appears in the live feed, the driver panel says where they are, the list filters by place', async ({ page, signIn, fleetApi }, testInfo) => {
    const yard = { lat: 49.9, lon: 14.2 };
    const placeName = unique('Depot North');
    await fleetApi.admin.post('/api/places', { name: placeName, kind: 'depot', center: yard, radiusM: 150 });
    const driverName = unique('Aziz');
    const link = await fleetApi.admin.post<CreatedLinkResponse>('/api/links', { driverName });
    const aziz = telegramUser({ first_name: 'Aziz' });
    await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(fleetApi.updates.command(aziz, '/start', link.body.token)), 10_000);
    // 1 km south of the yard, sharing live
    const start = fleetApi.telegram.pushUpdate(
      fleetApi.updates.liveLocationStart(aziz, { latitude: yard.lat - 1000 * M_LAT, longitude: yard.lon, live_period: LIVE_PERIOD_INDEFINITE, horizontal_accuracy: 8 }),
    );
    await fleetApi.telegram.waitForConfirmed(start, 10_000);

    await signIn();
    const feed = page.getByTestId('activity-feed');
    await expect(feed).toBeVisible();
    await expect(feed.getByTestId('activity-entry').filter({ hasText: driverName })).toHaveCount(0);

    // the driver drives into the yard while the dashboard is open
    for (const metresSouth of [500, 100, 0]) {
      const edit = fleetApi.updates.liveLocationEdit(aziz, start, { latitude: yard.lat - metresSouth * M_LAT, longitude: yard.lon, horizontal_accuracy: 8 });
      await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(edit), 10_000);
    }
    const entry = feed.getByTestId('activity-entry').filter({ hasText: `${driverName} arrived at ${placeName}` });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(/\d\d:\d\d/);

    await entry.click();
    await expect(page.getByTestId('driver-current-place')).toContainText(`at ${placeName} since`);
    await saveScreenshot(page, testInfo, 'activity-feed');

    await page.getByTestId('driver-place-filter').selectOption({ label: `${placeName} (1)` });
    await expect(page.getByTestId('driver-row')).toHaveCount(1);
    await expect(page.getByTestId('driver-row')).toContainText(driverName);

    // a reload starts the feed from today's visits
    await page.reload();
    await expect(page.getByTestId('activity-feed').getByTestId('activity-entry').filter({ hasText: `${driverName} arrived at ${placeName}` })).toHaveCount(1);
  });
});
