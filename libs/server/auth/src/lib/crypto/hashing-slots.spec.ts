import { HashingBusyError, HashingSlots } from './hashing-slots';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('HashingSlots', () => {
  afterEach(() => jest.useRealTimers());

  it('runs at most `slots` jobs at once; the others start, in order, as slots free up', async () => {
    const slots = new HashingSlots({ slots: 2, maxWaitMs: 10_000, maxQueue: 10, retryAfterSeconds: 1 });
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) => slots.run(async () => (started.push(i), gate.promise)));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(slots.queued).toBe(2);
    gates[1].resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    await Promise.all(runs);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(slots.inUse).toBe(0);
  });

  it('refuses a caller that waited longer than maxWaitMs, with the Retry-After to tell', async () => {
    jest.useFakeTimers();
    const slots = new HashingSlots({ slots: 1, maxWaitMs: 500, maxQueue: 10, retryAfterSeconds: 3 });
    const gate = deferred();
    const first = slots.run(() => gate.promise);
    const second = slots.run(async () => 'ran');
    jest.advanceTimersByTime(501);
    await expect(second).rejects.toEqual(new HashingBusyError(3));
    await expect(second).rejects.toMatchObject({ retryAfterSeconds: 3 });
    expect(slots.queued).toBe(0);
    gate.resolve();
    await first;
    // the refused caller's slot was not lost
    await expect(slots.run(async () => 'again')).resolves.toBe('again');
  });

  it('refuses at once when the queue is full, and a failing job frees its slot', async () => {
    const slots = new HashingSlots({ slots: 1, maxWaitMs: 10_000, maxQueue: 1, retryAfterSeconds: 1 });
    const gate = deferred();
    const first = slots.run(() => gate.promise);
    const queued = slots.run(async () => {
      throw new Error('boom');
    });
    await expect(slots.run(async () => 'x')).rejects.toBeInstanceOf(HashingBusyError);
    gate.resolve();
    await first;
    await expect(queued).rejects.toThrow('boom');
    expect(slots.inUse).toBe(0);
  });
});
