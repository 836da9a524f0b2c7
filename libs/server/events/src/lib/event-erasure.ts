import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventConsumers } from './event-consumers';

/**
 * Erasure (GDPR art. 17), in the erasure's own transaction: every event about the driver goes —
 * they carry the name, places visited and message texts — and so does every copy a consumer made
 * of them (`EventConsumer.forgetDriver`). Undispatched ones go too: nothing is announced about a
 * driver after their data was erased.
 */
@Injectable()
export class DriverEventErasure {
  constructor(private readonly consumers: EventConsumers) {}

  /** Returns how many events were deleted. */
  async eraseWithin(tx: EntityManager, driverId: string): Promise<number> {
    const [rows] = (await tx.query(`DELETE FROM events WHERE driver_id = $1 RETURNING id`, [driverId])) as [Array<{ id: string }>, number];
    const eventIds = rows.map((row) => row.id);
    for (const consumer of this.consumers.list()) await consumer.forgetDriver?.(driverId, eventIds, tx);
    return eventIds.length;
  }
}
