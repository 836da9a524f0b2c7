import { openSecondBrowser, saveScreenshot, signInAs, unique } from './admin-e2e-helpers';
import { ADMIN } from './support/e2e-env';
import { expect, test } from './support/fixtures';

test.describe('users page', () => {
  test('an admin adds a viewer who sees no admin pages, then disables them and they are out', async ({
    page,
    browser,
    baseURL,
    signIn,
  }, testInfo) => {
    const viewer = { email: `${unique('viewer')}@convoy.test`, password: 'viewer-password-e2e-1' };

    await signIn(ADMIN);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL(/\/users$/);
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();

    // create the viewer in the dialog
    await page.getByTestId('new-user').click();
    const dialog = page.getByTestId('new-user-dialog');
    await expect(dialog.getByRole('heading', { name: 'New user' })).toBeVisible();
    await expect(dialog.getByLabel('Email')).toBeFocused();
    await dialog.getByLabel('Email').fill(viewer.email);
    await dialog.getByLabel('Role').selectOption('viewer');
    await dialog.getByLabel('Password', { exact: true }).fill('short');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByText('At least 12 characters.')).toBeVisible();
    await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();
    await dialog.getByLabel('Password', { exact: true }).fill(viewer.password);
    await saveScreenshot(page, testInfo, 'new-user-dialog');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('new-user')).toBeFocused(); // focus back where it came from
    await expect(page.getByTestId('users-status')).toHaveText(`${viewer.email} was added. They can sign in now.`);

    const row = page.locator(`[data-user-email="${viewer.email}"]`);
    await expect(row.getByLabel(`Role of ${viewer.email}`)).toHaveValue('viewer');
    await expect(row.getByTestId('user-state')).toHaveText('Active');

    // the same email twice: the server's message, inline
    await page.getByTestId('new-user').click();
    await dialog.getByLabel('Email').fill(viewer.email);
    await dialog.getByLabel('Password', { exact: true }).fill(viewer.password);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Could not create the user: A user with this email already exists');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // admins cannot lock themselves out
    await expect(page.locator(`[data-user-email="${ADMIN.email}"]`).getByLabel(`Role of ${ADMIN.email}`)).toBeDisabled();
    await saveScreenshot(page, testInfo, 'users-page', true);

    // the viewer, in their own browser
    const viewerContext = await openSecondBrowser(browser, baseURL ?? '');
    const viewerPage = await viewerContext.newPage();
    await signInAs(viewerPage, viewer);
    await expect(viewerPage.getByTestId('user-role')).toHaveText('Viewer');
    const viewerNav = viewerPage.getByRole('navigation', { name: 'Main' });
    await expect(viewerNav.getByRole('link', { name: 'Links' })).toBeVisible();
    await expect(viewerNav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(viewerNav.getByRole('link', { name: 'API tokens' })).toHaveCount(0);
    await viewerNav.getByRole('link', { name: 'Links' }).click();
    await expect(viewerPage.getByTestId('links-list')).toBeVisible();
    await expect(viewerPage.getByTestId('links-read-only')).toBeVisible();
    await expect(viewerPage.getByTestId('create-link')).toHaveCount(0);
    await expect(viewerPage.getByTestId('revoke-link')).toHaveCount(0);
    // typing the address does not help either
    await viewerPage.goto('/users');
    await expect(viewerPage).toHaveURL(/\/$/);
    await viewerPage.goto('/links');
    await expect(viewerPage.getByTestId('links-list')).toBeVisible();

    // the admin disables them (after confirming)
    await row.getByTestId('user-disable').click();
    const confirm = page.getByTestId('disable-user-dialog');
    await expect(confirm.getByRole('heading')).toHaveText(`Disable ${viewer.email}?`);
    await confirm.getByRole('button', { name: 'Disable user' }).click();
    await expect(row.getByTestId('user-state')).toHaveText('Disabled');
    await expect(row.getByTestId('user-enable')).toBeVisible();

    // the viewer's next action bounces to the sign-in page, and they cannot sign in again
    await viewerPage.getByTestId('links-refresh').click();
    await expect(viewerPage).toHaveURL(/\/login\?reason=expired&returnUrl=%2Flinks$/);
    await expect(viewerPage.getByTestId('session-expired')).toBeVisible();
    await viewerPage.getByLabel('Email').fill(viewer.email);
    await viewerPage.getByLabel('Password', { exact: true }).fill(viewer.password);
    await viewerPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(viewerPage.getByRole('alert')).toBeVisible();
    await expect(viewerPage).toHaveURL(/\/login/);
    await viewerContext.close();
  });

  test('an admin changes a role and sets a new password for a user', async ({ page, browser, baseURL, signIn }, testInfo) => {
    const user = { email: `${unique('dispatch')}@convoy.test`, password: 'first-password-e2e-1' };
    await signIn(ADMIN);
    await page.goto('/users');
    await page.getByTestId('new-user').click();
    const dialog = page.getByTestId('new-user-dialog');
    await dialog.getByLabel('Email').fill(user.email);
    await dialog.getByLabel('Role').selectOption('viewer');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await expect(dialog.getByLabel('Password', { exact: true })).toHaveValue(/^[a-zA-Z2-9]{18}$/);
    await expect(dialog.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text'); // shown, to pass on
    await dialog.getByLabel('Password', { exact: true }).fill(user.password);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog).toBeHidden();

    const row = page.locator(`[data-user-email="${user.email}"]`);
    await row.getByLabel(`Role of ${user.email}`).selectOption('dispatcher');
    await expect(page.getByTestId('users-status')).toHaveText(`${user.email} is now dispatcher.`);
    await page.reload();
    await expect(row.getByLabel(`Role of ${user.email}`)).toHaveValue('dispatcher');

    await row.getByRole('button', { name: `New password for ${user.email}` }).click();
    const passwordDialog = page.getByTestId('user-password-dialog');
    await expect(passwordDialog.getByLabel('New password')).toBeFocused();
    const newPassword = 'second-password-e2e-2';
    await passwordDialog.getByLabel('New password').fill(newPassword);
    await passwordDialog.getByRole('button', { name: 'Set password' }).click();
    await expect(passwordDialog).toBeHidden();
    await expect(page.getByTestId('users-status')).toContainText(`New password set for ${user.email}`);

    const other = await openSecondBrowser(browser, baseURL ?? '');
    const otherPage = await other.newPage();
    await signInAs(otherPage, { email: user.email, password: newPassword });
    await expect(otherPage.getByTestId('user-role')).toHaveText('Dispatcher');
    // a password an admin set is theirs to replace first: every page leads to the change form
    await expect(otherPage).toHaveURL(/\/account$/);
    await expect(otherPage.getByTestId('password-change-required')).toContainText('Choose your own password before you continue');
    await saveScreenshot(otherPage, testInfo, 'password-change-required');
    await otherPage.goto('/links');
    await expect(otherPage).toHaveURL(/\/account$/);
    await otherPage.getByLabel('Current password').fill(newPassword);
    await otherPage.getByLabel('New password', { exact: true }).fill('my-own-password-e2e-3');
    await otherPage.getByLabel('Repeat the new password').fill('my-own-password-e2e-3');
    await otherPage.getByRole('button', { name: 'Change password' }).click();
    await expect(otherPage.getByTestId('password-change-required')).toBeHidden();
    await otherPage.getByTestId('password-continue').click();
    await expect(otherPage.getByTestId('fleet-map')).toBeVisible();
    await other.close();
  });
});
