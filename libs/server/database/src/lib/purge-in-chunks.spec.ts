import { PURGE_CHUNK, purgeInChunks } from './purge-in-chunks';

describe('purgeInChunks', () => {
  it('runs chunk after chunk until one comes back short, and adds them up', async () => {
    const answers = [PURGE_CHUNK, PURGE_CHUNK, 17];
    const limits: number[] = [];
    const total = await purgeInChunks(async (limit) => {
      limits.push(limit);
      return answers.shift() ?? 0;
    });
    expect(total).toBe(2 * PURGE_CHUNK + 17);
    expect(limits).toEqual([PURGE_CHUNK, PURGE_CHUNK, PURGE_CHUNK]);
  });

  it('stops after one statement when nothing is old enough', async () => {
    const chunk = jest.fn(async () => 0);
    expect(await purgeInChunks(chunk)).toBe(0);
    expect(chunk).toHaveBeenCalledTimes(1);
  });
});
