import type { EntityManager } from 'typeorm';
import { EventConsumers } from './event-consumers';
import { DriverEventErasure } from './event-erasure';

describe('DriverEventErasure', () => {
  it("deletes the driver's events and lets every consumer forget its copies of them, in the same transaction", async () => {
    const tx = { query: jest.fn().mockResolvedValue([[{ id: 'e1' }, { id: 'e2' }], 2]) } as unknown as EntityManager;
    const consumers = new EventConsumers();
    const forgetDriver = jest.fn().mockResolvedValue(undefined);
    consumers.register({ name: 'alerts', fanOut: jest.fn(), forgetDriver });
    consumers.register({ name: 'webhooks', fanOut: jest.fn() }); // keeps no copy

    await expect(new DriverEventErasure(consumers).eraseWithin(tx, 'd1')).resolves.toBe(2);

    expect(tx.query).toHaveBeenCalledWith(expect.stringContaining('DELETE FROM events WHERE driver_id = $1'), ['d1']);
    expect(forgetDriver).toHaveBeenCalledWith('d1', ['e1', 'e2'], tx);
  });
});
