import type { ConvoyMetrics } from '@convoy/server/metrics';
import type { DataSource } from 'typeorm';
import type { PositionRow } from './position-row';
import { PositionWriter } from './position-writer';
import { parsePgArrayLiteral } from './pg-array-literal.spec-support';

const KNOWN = 'd1';

function row(change: Partial<PositionRow> = {}): PositionRow {
  return {
    driverId: KNOWN,
    latitude: 50,
    longitude: 14,
    accuracy: null,
    heading: null,
    speed: null,
    battery: null,
    altitude: null,
    recordedAt: new Date('2026-11-24T10:00:00Z'),
    source: 'telegram-live',
    telegramUpdateId: null,
    telegramUserId: 42,
    persist: true,
    receivedAt: 0,
    ...change,
  };
}

/**
 * The writer over a stand-in for Postgres that answers the batch statement like the real one does:
 * one result row per sent row whose driver is known, flagged when its update_id was stored before.
 * (The statement itself runs against Postgres in the api-e2e specs and the bench.)
 */
function setup() {
  const storedUpdates = new Set<number>([7]);
  const statements: unknown[][] = [];
  let gate: Promise<void> | null = null;
  const failures: unknown[] = [];
  const query = jest.fn(async ({ values: params }: { values: unknown[] }) => {
    const columns = (params as string[]).map(parsePgArrayLiteral);
    statements.push(columns);
    if (gate) await gate;
    const failure = failures.shift();
    if (failure) throw failure;
    const [indexes, drivers, , , , , , , , updates, , persist] = columns as [number[], string[], ...unknown[][]];
    const rows = indexes.flatMap((i, k) => {
      if (drivers[k] !== KNOWN) return [];
      const update = (updates as Array<number | null>)[k];
      return [{ i, duplicate: (persist as boolean[])[k] && update !== null && storedUpdates.has(update) }];
    });
    return { rows };
  });
  const release = jest.fn(async () => undefined);
  const dataSource = { createQueryRunner: () => ({ connect: async () => ({ query }), release }) };
  const metrics = { writerQueueDepth: { set: jest.fn() }, writerBatchSize: { observe: jest.fn() } } as unknown as ConvoyMetrics;
  const writer = new PositionWriter(dataSource as unknown as DataSource, metrics);
  const published: PositionRow[][] = [];
  writer.committed$.subscribe((rows) => published.push(rows));
  /** Holds the next statement until the returned function is called (a write "in flight"). */
  const holdNext = () => {
    let release: () => void = () => undefined;
    gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      gate = null;
      release();
    };
  };
  return { writer, query, release, statements, published, holdNext, failures };
}

describe('PositionWriter', () => {
  it('writes a position sent the moment the previous one committed', async () => {
    const { writer, query } = setup();
    const first = await writer.write(row({ telegramUpdateId: 1 }));
    // resumed by the first commit, writing again at once: must not wait for some later write
    const second = await writer.write(row({ telegramUpdateId: 2 }));
    expect([first, second]).toEqual(['stored', 'stored']);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('writes what collected during a write as one statement, and reports each row', async () => {
    const { writer, statements, published, holdNext } = setup();
    const release = holdNext();
    const first = writer.write(row({ telegramUpdateId: 1 }));
    const collected = Promise.all([
      writer.write(row({ telegramUpdateId: 2, latitude: 51 })),
      writer.write(row({ telegramUpdateId: 2, latitude: 52 })), // the same update twice: the first wins
      writer.write(row({ telegramUpdateId: 7 })), // stored by an earlier delivery
      writer.write(row({ driverId: 'deleted', telegramUpdateId: 3 })),
      writer.write(row({ telegramUpdateId: 4, persist: false, latitude: 54 })), // thinned: latest position only
    ]);
    release();
    await expect(first).resolves.toBe('stored');
    await expect(collected).resolves.toEqual(['stored', 'duplicate', 'duplicate', 'unknown-driver', 'latest-only']);

    expect(statements).toHaveLength(2);
    expect(statements[1][0]).toEqual([0, 2, 3, 4]); // the in-batch duplicate is never sent
    expect(statements[1][10]).toEqual([42, 42, 42, 42]); // the binding each row must still match
    // the live feed gets what reached the database, once per commit
    expect(published.map((rows) => rows.map((r) => r.latitude))).toEqual([[50], [51, 54]]);
  });

  it('runs a batch again when a driver was deleted under it, and fails the batch on any other error', async () => {
    const { writer, query, release, failures } = setup();
    failures.push(Object.assign(new Error('violates foreign key constraint'), { code: '23503' }));
    await expect(writer.write(row({ telegramUpdateId: 1 }))).resolves.toBe('stored');
    expect(query).toHaveBeenCalledTimes(2);
    expect(release).toHaveBeenCalledTimes(2); // the connection goes back to the pool either way

    // a failed write is answered 5xx, so Telegram delivers the update again
    failures.push(new Error('connection terminated'));
    await expect(writer.write(row({ telegramUpdateId: 2 }))).rejects.toThrow('connection terminated');
    await expect(writer.write(row({ telegramUpdateId: 2 }))).resolves.toBe('stored');
  });

  it('flush() resolves once everything accepted so far is committed', async () => {
    const { writer, holdNext } = setup();
    const release = holdNext();
    const pending = writer.write(row());
    let flushed = false;
    const flush = writer.flush().then(() => (flushed = true));
    await Promise.resolve();
    expect(flushed).toBe(false);
    release();
    await flush;
    await expect(pending).resolves.toBe('stored');
  });
});
