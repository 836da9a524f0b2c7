import { openSecondBrowser, signInAs, unique } from './admin-e2e-helpers';
import { ADMIN } from './support/e2e-env';
import { expect, test } from './support/fixtures';

test.describe('account page', () => {
  test('a user changes their own password: this session stays, the others end', async ({ page, browser, baseURL, signIn }) => {
    // a user of its own, so the admin's password stays what the other tests expect
    const user = { email: `${unique('account')}@convoy.test`, password: 'first-password-e2e-1' };
    const api = page.request;
    await signIn(ADMIN);
    const created = await api.post('/api/users', { data: { ...user, role: 'dispatcher' } });
    expect(created.status()).toBe(201);
    await page.getByTestId('user-menu-button').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);

    // two sessions of the same user
    const other = await openSecondBrowser(browser, baseURL ?? '');
    const otherPage = await other.newPage();
    await signInAs(otherPage, user);
    await signInAs(page, user);

    await page.getByTestId('user-menu-button').click();
    await page.getByRole('link', { name: 'Account and password' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId('account-email')).toHaveText(user.email);

    const newPassword = 'second-password-e2e-2';
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByTestId('password-error')).toHaveText('The current password is not right');
    await expect(page.getByLabel('Current password')).toBeFocused();

    await page.getByLabel('Current password').fill(user.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByTestId('password-changed')).toContainText('this one stays signed in');

    // this session goes on; the other one is over
    await page.reload();
    await expect(page.getByTestId('user-email')).toHaveText(user.email);
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/login/);
    await signInAs(otherPage, { email: user.email, password: newPassword });
    await other.close();
  });
});
