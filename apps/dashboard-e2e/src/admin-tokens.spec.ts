import type { MeResponse } from '@convoy/contracts';
import { saveScreenshot, unique } from './admin-e2e-helpers';
import { ADMIN } from './support/e2e-env';
import { expect, test } from './support/fixtures';

test.describe('API tokens page', () => {
  test('an admin creates a token, sees its secret once, uses it, and revokes it', async ({
    page,
    context,
    baseURL,
    request,
    signIn,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const name = unique('ERP integration');

    await signIn(ADMIN);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    await expect(page).toHaveURL(/\/api-tokens$/);
    await expect(page.getByTestId('token-usage')).toContainText(`curl -H "Authorization: Bearer <token>" ${baseURL}/api/drivers`);
    await expect(page.getByTestId('api-docs-link')).toHaveAttribute('href', '/api/docs');

    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Role').selectOption('viewer');
    // integrator secrets should be rotated: the form suggests 90 days
    await expect(page.getByLabel('Expires')).toHaveValue('90');
    await page.getByLabel('Expires').selectOption('30');
    await page.getByTestId('create-token').click();

    const card = page.getByTestId('created-token');
    await expect(card.getByRole('heading')).toBeFocused();
    await expect(page.getByTestId('created-token-warning')).toContainText('Copy it now: you will not see it again.');
    const secret = await page.getByTestId('created-token-secret').inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(20);
    await expect(page.getByTestId('created-token-curl')).toHaveText(
      `curl -H "Authorization: Bearer ${secret}" ${baseURL}/api/drivers`,
    );
    await page.getByTestId('copy-token').click();
    await expect(page.getByTestId('copy-token')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    const row = page.getByTestId('token-row').filter({ hasText: name });
    await expect(row.getByTestId('token-state')).toHaveText('Active');
    await expect(row).toContainText('Viewer');
    await saveScreenshot(page, testInfo, 'api-tokens-page', true);

    // the token works on its own, without the browser's session
    const me = await request.get('/api/auth/me', { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status()).toBe(200);
    const body = (await me.json()) as MeResponse;
    expect(body.via).toBe('api-token');
    expect(body.user.role).toBe('viewer');

    // once dismissed, the secret is gone for good
    await page.getByTestId('created-token-done').click();
    await expect(card).toHaveCount(0);
    await page.reload();
    await expect(row.getByTestId('token-state')).toHaveText('Active');
    await expect(row.locator('td[data-label="Last used"] time')).toBeVisible(); // the call above
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('button', { name: `Revoke the token ${name}` }).click();
    const dialog = page.getByTestId('revoke-token-dialog');
    await expect(dialog.getByRole('heading')).toHaveText(`Revoke the token ${name}?`);
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await expect(row.getByTestId('token-state')).toHaveText('Revoked');
    await expect(row.getByTestId('revoke-token')).toHaveCount(0);

    const refused = await request.get('/api/auth/me', { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status()).toBe(401);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    test('"Create token" takes the user to the secret below the form: focused and scrolled into view', async ({ page, signIn }) => {
      await signIn(ADMIN);
      await page.goto('/api-tokens');
      const name = unique('Phone script');
      await page.getByLabel('Name').fill(name);
      await page.getByTestId('create-token').click();

      await expect(page.getByTestId('created-token').getByRole('heading', { name: `Token “${name}” created` })).toBeFocused();
      await expect(page.getByTestId('created-token-secret')).toBeInViewport({ ratio: 1 });
      await expect(page.getByTestId('copy-token')).toBeInViewport({ ratio: 1 });
    });
  });
});
