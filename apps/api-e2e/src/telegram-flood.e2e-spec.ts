import type { CreatedLinkResponse, DriverDto } from '@convoy/contracts';
import { telegramUser } from '@convoy/testing';
import { positionRows } from './support/positions-in-db';
import { startTelegramTestbed, type TelegramTestbed } from './support/telegram-api';

describe('each Telegram user is rate-limited, but never their locations', () => {
  let bed: TelegramTestbed;

  beforeAll(async () => {
    bed = await startTelegramTestbed('telegram_flood', 'webhook', { BOT_RATE_LIMIT: '30' });
  });
  afterAll(() => bed?.close());

  it('answers a flood of 120 messages with 30 answers (plus the refill) and one "slow down", and stores all 40 locations sent in between', async () => {
    const flooder = telegramUser({ first_name: 'Flood' });
    const link = await bed.admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Flooder' });
    await bed.telegram.waitForConfirmed(bed.telegram.pushUpdate(bed.updates.command(flooder, '/start', link.body.token)), 10_000);
    const before = bed.telegram.sentMessages(flooder.id).length;

    const started = Date.now();
    const updates = [];
    for (let i = 0; i < 100; i++) {
      updates.push(bed.telegram.pushUpdate(bed.updates.command(flooder, '/status')));
      if (i % 5 === 0) updates.push(bed.telegram.pushUpdate(bed.updates.textMessage(flooder, 'hello?')));
      if (i % 5 === 4) updates.push(bed.telegram.pushUpdate(bed.updates.location(flooder, { latitude: 50 + i / 1000, longitude: 14.4 })));
      if (i % 5 === 2) updates.push(bed.telegram.pushUpdate(bed.updates.location(flooder, { latitude: 51 + i / 1000, longitude: 14.4 })));
    }
    for (const update of updates) await bed.telegram.waitForConfirmed(update, 20_000);
    const refilled = Math.ceil((Date.now() - started) / 2000); // BOT_RATE_LIMIT=30/min: one more every 2 s

    const driver = (await bed.admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.telegram?.userId === flooder.id) as DriverDto;
    expect(await positionRows(bed.database.url, driver.id)).toHaveLength(40);

    const replies = bed.telegram.sentMessages(flooder.id).slice(before).map((m) => ('text' in m ? m.text : ''));
    expect(replies.filter((text) => text.includes('too quickly'))).toHaveLength(1);
    const checkIns = replies.filter((text) => text.includes('Location received'));
    expect(checkIns).toHaveLength(40); // every location is answered, even while the rest is limited
    const answered = replies.length - checkIns.length - 1;
    expect(answered).toBeGreaterThanOrEqual(29); // the first 30 of 121 texts and commands (/start was one)…
    expect(answered).toBeLessThanOrEqual(30 + refilled); // …and only what the bucket refilled meanwhile

    // another user is not limited by the flood
    const calm = telegramUser();
    bed.telegram.pushUpdate(bed.updates.command(calm, '/help'));
    await bed.telegram.waitForCall('sendMessage', (c) => c.params['chat_id'] === calm.id && String(c.params['text']).includes('/delete'), 10_000);
  });
});
