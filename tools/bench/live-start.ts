import { mapLimit } from './lifecycle';
import type { Ledger, Target } from './target';
import type { WebhookClient } from './webhook-client';

/** Every driver starts sharing a live location (the first message; edits follow in the scenarios). */
export async function startLiveLocations(target: Target, client: WebhookClient, ledger: Ledger): Promise<void> {
  const failures: number[] = [];
  await mapLimit(target.driverIds, client.connections, async (_, driver) => {
    const update = target.stream.liveStart(driver);
    const { status } = await client.post(update.body);
    ledger.record(update.updateId, status);
    if (status !== 200) failures.push(status);
  });
  if (failures.length > 0) throw new Error(`${target.name}: ${failures.length} live location starts failed (${failures.slice(0, 5).join(', ')})`);
}
