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

/** A driver who joined by link and checked in once. */
async function joined(fleetApi: FleetApi, name: string, user: TelegramUserFixture): Promise<DriverDto> {
  const link = await fleetApi.admin.post<CreatedLinkResponse>('/api/links', { driverName: name, note: 'private note' });
  await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(fleetApi.updates.command(user, '/start', link.body.token)), 10_000);
  await fleetApi.telegram.waitForConfirmed(fleetApi.telegram.pushUpdate(fleetApi.updates.location(user, { latitude: 50.09, longitude: 14.41 })), 10_000);
  return (await fleetApi.admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.telegram?.userId === user.id) as DriverDto;
}

test.describe.serial('driver data rights in the dashboard', () => {
  test('a dispatcher erases a driver’s data from the panel, confirming with the typed name', async ({ page, signIn, fleetApi }, testInfo) => {
    const mira = telegramUser({ first_name: 'Mira', username: 'mira_drives' });
    const driver = await joined(fleetApi, 'Mira Horáková', mira);
    await signIn(ADMIN);
    const row = page.getByTestId('driver-row').filter({ hasText: 'Mira Horáková' });
    await row.click();
    const panel = page.getByTestId('driver-panel');
    await expect(panel.getByTestId('driver-name')).toHaveText('Mira Horáková');
    await expect(row.getByTestId('driver-row-channel')).toContainText('Telegram'); // the channel badge, until erased

    await panel.getByTestId('erase-driver').click();
    const dialog = page.getByTestId('erase-dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Erase Mira Horáková’s data?');
    const field = dialog.getByLabel('Type Mira Horáková to confirm');
    await expect(field).toBeFocused();
    const confirm = dialog.getByTestId('confirm-erase');
    await field.fill('Mira');
    await expect(confirm).toBeDisabled();
    await field.fill('Mira Horáková');
    await expect(confirm).toBeEnabled();
    await screenshot(page, testInfo, 'erase-dialog.png', 'The erase dialog, name typed');
    await confirm.click();

    await expect(dialog).toBeHidden();
    await expect(panel.getByTestId('driver-erased')).toContainText('Data erased by a dispatcher');
    await expect(panel.getByTestId('driver-name')).toHaveText('Erased driver');
    await expect(panel.getByTestId('rename-driver')).toHaveCount(0);
    await expect(panel.getByTestId('erase-driver')).toHaveCount(0);
    await expect(panel.getByText('mira_drives')).toHaveCount(0);
    const erasedRow = page.getByTestId('driver-row').filter({ hasText: 'Erased driver' });
    await expect(erasedRow.getByTestId('driver-row-erased')).toContainText('Data erased by a dispatcher');
    await expect(erasedRow.getByTestId('driver-row-channel')).toHaveCount(0);
    await expect(erasedRow).toHaveAccessibleName(/^Erased driver, data erased by a dispatcher on /);
    await screenshot(page, testInfo, 'erased-panel.png', 'The erased entry in the list and the panel');

    const after = (await fleetApi.admin.get<DriverDto>(`/api/drivers/${driver.id}`)).body;
    expect(after).toMatchObject({ erasedBy: 'dispatcher', telegram: null, channel: null, lastPosition: null });
  });

  test('a driver who leaves with /delete turns into an "erased" entry live, without a reload', async ({ page, signIn, fleetApi }, testInfo) => {
    const olek = telegramUser({ first_name: 'Olek' });
    await joined(fleetApi, 'Olek Nowak', olek);
    await signIn(ADMIN);
    const row = page.getByTestId('driver-row').filter({ hasText: 'Olek Nowak' });
    await expect(row).toBeVisible();

    fleetApi.telegram.pushUpdate(fleetApi.updates.command(olek, '/delete'));
    await fleetApi.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === olek.id && String(c.params['text']).includes('Erase your data'), 10_000);
    await expect.poll(() => fleetApi.telegram.sentMessages(olek.id).some((m) => 'text' in m && m.text.includes('Erase your data'))).toBe(true);
    const question = fleetApi.telegram.sentMessages(olek.id).filter((m) => 'text' in m && m.text.includes('Erase your data')).at(-1) as Message.TextMessage;
    const markup = question.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> };
    const press = fleetApi.telegram.pushUpdate(fleetApi.updates.callbackQuery(olek, markup.inline_keyboard[0][0].callback_data, question));
    await fleetApi.telegram.waitForConfirmed(press, 20_000); // the bot erased and answered; the page must follow by itself

    await expect(row).toHaveCount(0);
    const left = page.getByTestId('driver-row-erased').filter({ hasText: 'Left and erased their data' });
    await expect(left).toHaveCount(1);
    await left.click();
    await expect(page.getByTestId('driver-erased')).toContainText('Left and erased their data');
    await screenshot(page, testInfo, 'driver-left.png', 'A driver who left with /delete');
  });
});
