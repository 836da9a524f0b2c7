import type { CreatedLinkResponse, DriverDto } from '@convoy/contracts';
import { telegramUser, type TelegramUserFixture } from '@convoy/testing';
import type { Page, TestInfo } from '@playwright/test';
import type { Message } from 'telegraf/types';
import { ADMIN } from './support/e2e-env';
import type { FleetApi } from './support/fleet-api';
import { expect, test } from './support/fleet-fixtures';

async function screenshot(page: Page, testInfo: TestInfo, name: string, title: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(title, { path, contentType: 'image/png' });
}

async function joined(fleetApi: FleetApi, name: string, user: TelegramUserFixture): Promise<DriverDto> {
  const link = await fleetApi.admin.post<CreatedLinkResponse>('/api/links', { driverName: name });
  await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(fleetApi.updates.command(user, '/start', link.body.token)), 10_000);
  await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(fleetApi.updates.location(user, { latitude: 50.08, longitude: 14.42 })), 10_000);
  return (await fleetApi.admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.telegram?.userId === user.id) as DriverDto;
}

test('a dispatcher writes to a driver from the panel; the reply and a quick-reply tap appear live', async ({ page, signIn, fleetApi }, testInfo) => {
  const user = telegramUser({ first_name: 'Petr' });
  await joined(fleetApi, 'Petr Message', user);
  await signIn(ADMIN);
  const row = page.getByTestId('driver-row').filter({ hasText: 'Petr Message' });
  await row.click();
  const panel = page.getByTestId('driver-panel');
  await panel.getByTestId('open-messages').click();
  const thread = panel.getByTestId('message-thread');
  await expect(thread.getByTestId('thread-empty')).toBeVisible();
  await expect(thread.getByTestId('quick-reply-chip')).toHaveText([/On my way/, /Arrived/, /Delayed/]);

  await thread.getByRole('button', { name: 'Remove quick reply Delayed' }).click();
  await thread.getByTestId('add-quick-reply').fill('Need help');
  await thread.getByTestId('add-quick-reply').press('Enter');
  await thread.getByTestId('message-text').fill('Please unload at gate 4.');
  await thread.getByTestId('send-message').click();

  const mine = thread.getByTestId('thread-message').filter({ hasText: 'Please unload at gate 4.' });
  await expect(mine.getByTestId('message-status')).toHaveText('Delivered');
  const sent = await fleetApi.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === user.id && String(c.params['text']).startsWith('📨'), 10_000);
  expect(JSON.stringify(sent.params['reply_markup'])).toContain('Need help');

  // the driver answers in Telegram: a typed text, then a tap on "Arrived"
  await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(fleetApi.updates.textMessage(user, 'Gate 4 is closed, waiting')), 10_000);
  const inChat = fleetApi.telegram.sentMessages(user.id).find((m) => 'text' in m && m.text.startsWith('📨')) as Message.TextMessage;
  const data = (inChat.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard
    .flat()
    .find((b) => b.text === 'Arrived')?.callback_data as string;
  await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(fleetApi.updates.callbackQuery(user, data, inChat)), 10_000);

  const replies = thread.locator('[data-direction="from-driver"]');
  await expect(replies).toHaveText([/Gate 4 is closed, waiting/, /Arrived/]);
  await expect(mine.locator('.chip.chosen')).toHaveText('Arrived');
  // read while open: no badge stays behind
  await expect(row.getByTestId('driver-row-unread')).toHaveCount(0);
  await screenshot(page, testInfo, 'message-thread.png', 'The thread with a reply and a tapped quick reply');
});

test('replies to a closed thread show as unread in the list', async ({ page, signIn, fleetApi }, testInfo) => {
  const user = telegramUser({ first_name: 'Ilse' });
  await joined(fleetApi, 'Ilse Unread', user);
  await signIn(ADMIN);
  const row = page.getByTestId('driver-row').filter({ hasText: 'Ilse Unread' });
  await expect(row).toBeVisible();
  await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(fleetApi.updates.textMessage(user, 'Flat tyre on the D1')), 10_000);
  await expect(row.getByTestId('driver-row-unread')).toHaveText('1');
  await screenshot(page, testInfo, 'unread-badge.png', 'An unread reply in the driver list');
  await row.click();
  await page.getByTestId('driver-panel').getByTestId('open-messages').click();
  await expect(page.getByTestId('thread-message')).toHaveText([/Flat tyre on the D1/]);
  await expect(row.getByTestId('driver-row-unread')).toHaveCount(0);
});

test('a browser driver reads the message on the join page and taps a quick reply', async ({ browser, baseURL, fleetApi }, testInfo) => {
  if (!baseURL) throw new Error('no baseURL');
  const link = (await fleetApi.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Bruno Browser' })).body;
  const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB', geolocation: { latitude: 52.52, longitude: 13.405 }, permissions: ['geolocation'] });
  const own = new URL(baseURL).origin;
  await phone.route((url) => url.origin !== own && url.protocol.startsWith('http'), (route) => route.abort('blockedbyclient'));
  try {
    const driverPage = await phone.newPage();
    await driverPage.goto(`/join/${link.token}`);
    const redeemed = driverPage.waitForResponse((r) => r.url().endsWith(`/api/join/${link.token}`) && r.request().method() === 'POST');
    await driverPage.getByTestId('join-browser').click();
    const { driverId } = (await (await redeemed).json()) as { driverId: string };
    const sent = await fleetApi.admin.post<{ id: string }>(`/api/drivers/${driverId}/messages`, { text: 'Use the back entrance', quickReplies: ['OK', 'Delayed'] });
    expect(sent.status).toBe(201);
    await driverPage.reload(); // the page asks at once when it opens (then every 10 s)
    const messages = driverPage.getByTestId('driver-messages');
    await expect(messages).toContainText('Use the back entrance');
    const path = testInfo.outputPath('join-message.png');
    await driverPage.screenshot({ path, fullPage: true });
    await testInfo.attach('A message on the join page', { path, contentType: 'image/png' });
    await messages.getByTestId('driver-quick-reply').filter({ hasText: 'OK' }).click();
    await expect(messages).toContainText('You answered: OK');
    const thread = (await fleetApi.admin.get<{ messages: Array<{ text: string; direction: string; status: string }> }>(`/api/drivers/${driverId}/messages`)).body;
    expect(thread.messages.map((m) => [m.direction, m.text, m.status])).toEqual([
      ['to-driver', 'Use the back entrance', 'delivered'],
      ['from-driver', 'OK', 'received'],
    ]);
  } finally {
    await phone.close();
  }
});
