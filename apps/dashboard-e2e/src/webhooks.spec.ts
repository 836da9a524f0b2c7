import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { saveScreenshot, unique } from './admin-e2e-helpers';
import { ADMIN } from './support/e2e-env';
import { expect, test } from './support/fixtures';

test.describe('Webhooks page', () => {
  test('an admin adds an endpoint, sees its secret once, sends a test event and reads the delivery log', async ({ page, signIn }, testInfo) => {
    test.setTimeout(60_000);
    const received: string[] = [];
    const receiver = createServer((request, response) => {
      received.push(String(request.headers['webhook-id']));
      request.resume();
      request.on('end', () => response.writeHead(request.url === '/broken' ? 500 : 204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    try {
      await signIn(ADMIN);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
      await expect(page).toHaveURL(/\/webhooks$/);

      const description = unique('ERP arrivals');
      await page.getByTestId('webhook-url').fill(`${base}/hook`);
      await page.getByTestId('webhook-description').fill(description);
      await page.getByTestId('webhook-event-driver.joined').check();
      await page.getByTestId('webhook-create').click();

      const secret = await page.getByTestId('created-webhook-secret').inputValue();
      expect(secret).toMatch(/^whsec_/);
      const row = page.getByTestId('webhook-row').filter({ hasText: description });
      await expect(row.getByTestId('webhook-state')).toHaveText('Enabled');
      await expect(row).toContainText('Driver joined, Arrived at a place, Left a place');

      await row.getByTestId('webhook-send-test').click();
      const log = page.getByTestId('delivery-log');
      await expect(page).toHaveURL(/\/webhooks\/[0-9a-f-]{36}$/);
      await expect(log.getByTestId('delivery-row').first().getByTestId('delivery-status')).toHaveText('Delivered', { timeout: 15_000 });
      await expect(log.getByTestId('delivery-answer').first()).toContainText('HTTP 204');
      expect(received).toHaveLength(1);

      // a broken endpoint: the log shows the failed attempt and when the next one is due
      await page.getByTestId('created-webhook-done').click();
      const brokenName = unique('Broken');
      await page.getByTestId('webhook-url').fill(`${base}/broken`);
      await page.getByTestId('webhook-description').fill(brokenName);
      await page.getByTestId('webhook-create').click();
      const broken = page.getByTestId('webhook-row').filter({ hasText: brokenName });
      await broken.getByTestId('webhook-send-test').click();
      await expect(log.getByTestId('delivery-answer').first()).toContainText('HTTP 500', { timeout: 15_000 });
      await expect(broken.getByTestId('webhook-state')).toHaveText('Disabled', { timeout: 15_000 });
      await page.reload();
      await expect(page.getByTestId('webhook-row').filter({ hasText: brokenName }).getByTestId('webhook-disabled-reason')).toContainText('No 2xx answer after 3 attempts');
      await expect(log.getByTestId('delivery-status').first()).toHaveText('Failed');
      await saveScreenshot(page, testInfo, 'webhooks', true);
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
