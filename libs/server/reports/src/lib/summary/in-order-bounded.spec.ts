import { mapInOrderBounded } from './in-order-bounded';

/** A promise settled from outside, to finish calls in an order of the test's choosing. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('mapInOrderBounded', () => {
  it('gives the results in the order of the items whatever order the calls finish in', async () => {
    const gates = [deferred<void>(), deferred<void>(), deferred<void>(), deferred<void>()];
    const result = mapInOrderBounded(['a', 'b', 'c', 'd'], 4, async (item, i) => {
      await gates[i].promise;
      return item.toUpperCase();
    });
    for (const i of [3, 1, 0, 2]) gates[i].resolve();
    await expect(result).resolves.toEqual(['A', 'B', 'C', 'D']);
  });

  it('never has more than the limit in flight, and starts the next as soon as one ends', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const gates = Array.from({ length: 7 }, () => deferred<void>());
    const result = mapInOrderBounded([...gates.keys()], 3, async (i) => {
      started.push(i);
      most = Math.max(most, ++inFlight);
      await gates[i].promise;
      inFlight--;
      return i * 2;
    });
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[1].resolve();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2, 3]);
    gates.forEach((g) => g.resolve());
    await expect(result).resolves.toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(most).toBe(3);
  });

  it('answers no items with no results, and passes a failure on', async () => {
    await expect(mapInOrderBounded([], 3, async () => 1)).resolves.toEqual([]);
    await expect(
      mapInOrderBounded([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('driver 2 failed');
        return n;
      }),
    ).rejects.toThrow('driver 2 failed');
  });
});
