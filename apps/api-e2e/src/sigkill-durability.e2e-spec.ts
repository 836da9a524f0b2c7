import type { CreatedLinkResponse } from '@convoy/contracts';
import { telegramUser } from '@convoy/testing';
import { positionRows } from './support/positions-in-db';
import { startTelegramTestbed } from './support/telegram-api';

describe('no acknowledged position is lost', () => {
  it('keeps every update Telegram got a 200 for when the API is killed right after (SIGKILL)', async () => {
    const bed = await startTelegramTestbed('sigkill', 'webhook');
    try {
      const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Night driver' });
      const driver = telegramUser();
      await bed.telegram.waitForDelivered(bed.telegram.pushUpdate(bed.updates.command(driver, '/start', link.body.token)));
      const start = bed.telegram.pushUpdate(
        bed.updates.liveLocationStart(driver, { latitude: 50, longitude: 14, live_period: 3600 }),
      );
      const edits = Array.from({ length: 60 }, (_, i) =>
        bed.telegram.pushUpdate(
          bed.updates.liveLocationEdit(driver, start, { latitude: 50 + (i + 1) / 1000, longitude: 14, edit_date: start.message.date + i + 1 }),
        ),
      );
      await bed.telegram.waitForDelivered({ count: 62 }, 20_000);
      bed.api.process.kill('SIGKILL');
      await bed.api.exited;

      const acknowledged = new Set(
        bed.telegram.deliveries.filter((d) => d.outcome === 'delivered').map((d) => d.update_id),
      );
      const stored = await positionRows(bed.database.url);
      const storedIds = new Set(stored.map((r) => Number(r.telegram_update_id)));
      for (const update of [start, ...edits]) {
        if (acknowledged.has(update.update_id)) expect(storedIds.has(update.update_id)).toBe(true);
      }
      expect(stored).toHaveLength(61);
    } finally {
      await bed.close();
    }
  });
});
