import type { ConvoyMetrics } from '@convoy/server/metrics';
import type { EventDispatcher } from '@convoy/server/events';
import type { DataSource } from 'typeorm';
import { PositionCommitParticipants } from './position-commit-participants';
import type { PositionRow } from './position-row';
import { PositionWriter } from './position-writer';
import { parsePgArrayLiteral } from './pg-array-literal.spec-support';

const row: PositionRow = {
  driverId: 'd1',
  latitude: 50,
  longitude: 14,
  accuracy: null,
  heading: null,
  speed: null,
  battery: null,
  altitude: null,
  recordedAt: new Date('2026-11-24T10:00:00Z'),
  source: 'osmand',
  telegramUpdateId: null,
  telegramUserId: null,
  persist: true,
  receivedAt: 0,
};

/** A stand-in connection that logs what the writer sends and answers the batch statement with "stored". */
function setup() {
  const sent: string[] = [];
  const query = jest.fn(async (statement: string | { name: string; values: unknown[] }, params?: unknown[]) => {
    if (typeof statement !== 'string') {
      sent.push(statement.name);
      return { rows: (parsePgArrayLiteral(statement.values[0] as string) as number[]).map((i) => ({ i, duplicate: false })) };
    }
    sent.push(statement.trim().split(/\s+/)[0] === 'WITH' ? 'append-events' : statement.trim());
    if (statement.includes('INSERT INTO events'))
      return { rows: (params?.[0] as string[]).map((type, k) => ({ ord: k + 1, id: `e${k}`, type, occurred_at: new Date(), driver_id: 'd1', data: {} })) };
    return { rows: [] };
  });
  const dataSource = { createQueryRunner: () => ({ connect: async () => ({ query }), release: async () => undefined }) };
  const metrics = { writerQueueDepth: { set: jest.fn() }, writerBatchSize: { observe: jest.fn() } } as unknown as ConvoyMetrics;
  const participants = new PositionCommitParticipants();
  const dispatcher = { nudge: jest.fn() };
  const writer = new PositionWriter(dataSource as unknown as DataSource, metrics, participants, dispatcher as unknown as EventDispatcher);
  return { writer, participants, sent, dispatcher };
}

describe('PositionWriter with commit participants', () => {
  it('runs the participants and appends their events inside the batch transaction, then calls back after COMMIT', async () => {
    const { writer, participants, sent, dispatcher } = setup();
    const after = jest.fn(() => sent.push('after-commit'));
    participants.register({
      name: 'visits',
      withinCommit: async (rows) => {
        sent.push(`visits(${rows.length})`);
        return { events: [{ type: 'driver.back', driverId: 'd1', data: { driver: { id: 'd1', name: 'A' }, quietSeconds: 600, position: { lat: 50, lon: 14 } } }], afterCommit: after };
      },
    });

    await expect(writer.write(row)).resolves.toBe('stored');

    expect(sent).toEqual(['BEGIN', 'convoy_write_positions_v3', 'visits(1)', 'append-events', 'COMMIT', 'after-commit']);
    expect(dispatcher.nudge).toHaveBeenCalledTimes(1);
  });

  it('rolls the whole batch back when a participant fails: the caller gets the error, nothing is announced', async () => {
    const { writer, participants, sent, dispatcher } = setup();
    participants.register({ name: 'broken', withinCommit: async () => Promise.reject(new Error('lock timeout')) });

    await expect(writer.write(row)).rejects.toThrow('lock timeout');

    expect(sent).toEqual(['BEGIN', 'convoy_write_positions_v3', 'ROLLBACK']);
    expect(dispatcher.nudge).not.toHaveBeenCalled();
  });

  it('without participants the batch is one statement (no BEGIN/COMMIT round trips)', async () => {
    const { writer, sent } = setup();
    await writer.write(row);
    expect(sent).toEqual(['convoy_write_positions_v3']);
  });
});
