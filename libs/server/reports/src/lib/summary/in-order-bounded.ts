/**
 * `fn` over `items` with at most `limit` calls in flight, results in the items' order. The summary
 * runs it over drivers: while Node runs the detector on one driver's points, Postgres packs the
 * next ones on other pooled connections — both cores busy, a bounded share of the pool, and at
 * most `limit` drivers' points in memory at once.
 */
export async function mapInOrderBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
