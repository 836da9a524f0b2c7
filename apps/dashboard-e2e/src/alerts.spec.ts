import type { AlertRuleDto, ConvoyEventData } from '@convoy/contracts';
import { telegramUser, withClient } from '@convoy/testing';
import type { Page, TestInfo } from '@playwright/test';
import { ADMIN } from './support/e2e-env';
import type { FleetApi } from './support/fleet-api';
import { expect, test } from './support/fleet-fixtures';

async function screenshot(page: Page, testInfo: TestInfo, name: string, title: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(title, { path, contentType: 'image/png' });
}

/**
 * A producer stand-in: a `visit.arrived` event written to the outbox as the visits feature will write
 * it in the position commit (issue #9/#10); the dispatcher, the alert rules and the live gateway do the rest.
 */
async function appendArrival(fleetApi: FleetApi, driverName: string, placeName: string): Promise<void> {
  if (!fleetApi.databaseUrl) {
    throw new Error('This spec writes an event to the outbox: run dashboard-e2e with DATABASE_URL set');
  }
  const at = new Date().toISOString();
  const data: ConvoyEventData['visit.arrived'] = {
    driver: { id: '5d7f1c2e-8a6b-4f3e-9c1d-2b4a6e8f0a1c', name: driverName },
    place: { id: '0e6f2d4c-1b3a-4c5d-8e7f-9a0b1c2d3e4f', name: placeName, kind: 'depot' },
    visitId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    arrivedAt: at,
    position: { lat: 52.52, lon: 13.405 },
  };
  await withClient(fleetApi.databaseUrl, async (client) => {
    await client.query(`INSERT INTO events (type, occurred_at, driver_id, data) VALUES ('visit.arrived', $1, NULL, $2)`, [at, JSON.stringify(data)]);
    await client.query(`SELECT pg_notify('convoy_events', '')`);
  });
}

test.describe.serial('alerts for people', () => {
  test('the rules page creates a rule, with readable events, recipients and quiet hours', async ({ page, signIn, fleetApi }, testInfo) => {
    await signIn(ADMIN);
    await page.getByTestId('nav-alerts').click();
    await expect(page).toHaveURL(/\/alerts$/);
    await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
    // the install defaults are there
    await expect(page.getByTestId('alert-rule-row').first()).toBeVisible();
    const before = await page.getByTestId('alert-rule-row').count();

    await page.getByTestId('alert-rule-new').click();
    const form = page.getByTestId('alert-rule-form');
    await expect(page.getByLabel('Name')).toBeFocused();
    // saving without a name says what is missing, next to the field
    await page.getByTestId('alert-rule-save').click();
    await expect(form.getByText('Give the rule a name.')).toBeVisible();

    await page.getByLabel('Name').fill('Depot arrivals for me');
    await form.getByLabel('Left a place').check();
    await page.getByTestId('alert-rule-scope-kinds').check();
    await form.locator('[data-kind="depot"]').check();
    await form.getByLabel('Every dispatcher').check();
    await form.locator('[data-channel="telegram"]').check();
    await page.getByTestId('alert-rule-quiet').check();
    await page.getByTestId('alert-rule-quiet-start').fill('21:30');
    await page.getByTestId('alert-rule-zone').fill('Europe/Berlin');
    await screenshot(page, testInfo, 'alert-rule-form.png', 'The rule form');
    await page.getByTestId('alert-rule-save').click();

    await expect(page.getByTestId('alert-rules-status')).toHaveText('Rule "Depot arrivals for me" created.');
    await expect(page.getByTestId('alert-rule-row')).toHaveCount(before + 1);
    const row = page.locator('[data-testid="alert-rule-row"][data-rule-name="Depot arrivals for me"]');
    await expect(row).toContainText('Arrived at a place, Left a place');
    await expect(row).toContainText('At depot places');
    await expect(row).toContainText('Every dispatcher, You');
    await expect(row).toContainText('Dashboard, Telegram');
    await expect(row).toContainText('Quiet 21:30–07:00 (Europe/Berlin)');

    // stored as shown
    const rules = (await fleetApi.admin.get<AlertRuleDto[]>('/api/alert-rules')).body;
    expect(rules.find((r) => r.name === 'Depot arrivals for me')).toMatchObject({
      events: ['visit.arrived', 'visit.departed'],
      placeKinds: ['depot'],
      placeIds: null,
      recipientRoles: ['dispatcher'],
      channels: ['dashboard', 'telegram'],
      quietHours: { start: '21:30', end: '07:00', timeZone: 'Europe/Berlin' },
    });
    await screenshot(page, testInfo, 'alert-rules.png', 'The rules table');

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, testInfo, 'alert-rules-narrow.png', 'The rules table on a phone');
  });

  test('the bell shows an arrival live, keeps it across a reload, and opening it marks it read', async ({ page, signIn, fleetApi }, testInfo) => {
    await signIn(ADMIN);
    const bell = page.getByTestId('notifications-bell');
    await expect(bell).toBeVisible();
    const count = page.getByTestId('notifications-count');
    await expect(count).toHaveCount(0);

    await appendArrival(fleetApi, 'Aziz', 'Depot North');

    const toast = page.getByTestId('notification-toast');
    await expect(toast).toContainText('Aziz');
    await expect(toast).toContainText('Depot North');
    await expect(count).toHaveText('1');
    await expect(bell).toHaveAttribute('aria-label', 'Notifications, 1 unread');
    await screenshot(page, testInfo, 'notification-toast.png', 'A live toast');

    await page.getByTestId('notification-toast-dismiss').click();
    await expect(toast).toHaveCount(0);

    // kept on the server: a reload shows the same unread entry
    await page.reload();
    await expect(count).toHaveText('1');
    await bell.click();
    const entry = page.getByTestId('notification').first();
    await expect(entry).toContainText('Depot North');
    await expect(entry).toHaveAttribute('data-read', 'false');
    await screenshot(page, testInfo, 'notifications-panel.png', 'The inbox');

    await entry.getByTestId('notification-mark-read').click();
    await expect(count).toHaveCount(0);
    await page.reload();
    await expect(bell).toHaveAttribute('aria-label', 'Notifications');

    // a phone, on a page of its own (the fleet page re-lays itself out when the viewport shrinks)
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/alerts');
    await bell.click();
    await expect(page.getByTestId('notifications-panel')).toBeInViewport({ ratio: 1 });
    await screenshot(page, testInfo, 'notifications-panel-narrow.png', 'The inbox on a phone');
  });

  test('the account page links the user\'s own Telegram chat with a one-time link, shows the mute and unlinks', async ({ page, signIn, fleetApi }, testInfo) => {
    await signIn(ADMIN);
    await page.goto('/account');
    const card = page.getByTestId('telegram-alerts');
    await expect(card.getByTestId('telegram-status')).toContainText('Not linked yet');

    await card.getByTestId('telegram-link-create').click();
    const open = card.getByTestId('telegram-link-open');
    await expect(open).toHaveAttribute('href', /^https:\/\/t\.me\/[A-Za-z0-9_]+\?start=[A-Za-z0-9_-]{22,64}$/);
    await expect(card.getByTestId('telegram-link-qr')).toBeVisible();
    await expect(card.getByTestId('telegram-link-qr')).toHaveAttribute('data-text', (await open.getAttribute('href')) ?? '');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, 'telegram-link.png', 'The Telegram link');

    // the user opens the link in Telegram: the bot confirms, the card follows without a reload
    const anna = telegramUser({ first_name: 'Anna', username: 'anna_dispatch' });
    const code = new URL((await open.getAttribute('href')) ?? '').searchParams.get('start') ?? '';
    fleetApi.telegram.pushUpdate(fleetApi.updates.command(anna, '/start', code));
    await expect(card.getByTestId('telegram-status')).toHaveText(/Linked\s+Alerts reach @anna_dispatch \(Anna\)\./);
    await expect(card.getByTestId('telegram-notice')).toHaveText('Linked: alerts now reach @anna_dispatch in Telegram.');

    fleetApi.telegram.pushUpdate(fleetApi.updates.command(anna, '/mute', '1h'));
    await expect(async () => {
      await page.reload();
      await expect(card.getByTestId('telegram-muted')).toContainText('Muted from the chat until', { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, 'telegram-linked.png', 'Linked and muted');

    await card.getByTestId('telegram-unlink').click();
    await expect(card.getByTestId('telegram-notice')).toHaveText('Unlinked: no more alerts in Telegram.');
    await expect(card.getByTestId('telegram-link-create')).toBeVisible();
  });
});
