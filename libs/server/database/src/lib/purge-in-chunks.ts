/** Rows one purge statement deletes at most, so a first purge of a big table never holds long locks. */
export const PURGE_CHUNK = 10_000;

/**
 * Runs `purgeChunk` (a statement deleting at most `PURGE_CHUNK` rows, answering how many it
 * deleted) until a chunk comes back short; returns the total.
 */
export async function purgeInChunks(purgeChunk: (limit: number) => Promise<number>): Promise<number> {
  let deleted = 0;
  for (;;) {
    const n = await purgeChunk(PURGE_CHUNK);
    deleted += n;
    if (n < PURGE_CHUNK) return deleted;
  }
}
