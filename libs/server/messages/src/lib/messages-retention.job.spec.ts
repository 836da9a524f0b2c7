import type { AppConfig } from '@convoy/server/config';
import type { DriversService } from '@convoy/server/tracking';
import type { DataSource } from 'typeorm';
import { MessagesRetentionJob } from './messages-retention.job';

/** A stand-in connection: the advisory lock is free, the purge answers `chunks` in turn. */
function setup(chunks: Array<{ deleted: number; recounted: string[] }>, locked = true) {
  const query = jest.fn(async (sql: string) => {
    if (sql.includes('pg_try_advisory_lock')) return [{ acquired: locked }];
    if (sql.includes('pg_advisory_unlock')) return [];
    return [chunks.shift() ?? { deleted: 0, recounted: [] }];
  });
  const dataSource = { createQueryRunner: () => ({ connect: async () => undefined, query, release: async () => undefined }) };
  const published: string[] = [];
  const drivers = {
    // as DriversService: one read of the drivers that still exist, each announced
    republish: async (ids: Iterable<string>) => {
      for (const id of new Set(ids)) if (id !== 'gone') published.push(id);
    },
  };
  const config = { tracking: { retentionDays: 30 } } as unknown as AppConfig;
  const job = new MessagesRetentionJob(dataSource as unknown as DataSource, config, drivers as unknown as DriversService);
  return { job, query, published };
}

describe('MessagesRetentionJob', () => {
  it('announces each driver whose unread count dropped, once, after the purge', async () => {
    const { job, published } = setup([
      { deleted: 10_000, recounted: ['d1', 'd2'] },
      { deleted: 3, recounted: ['d2', 'gone', 'd3'] },
    ]);
    expect(await job.run(new Date('2026-12-01T03:45:00Z'))).toBe(10_003);
    expect(published).toEqual(['d1', 'd2', 'd3']); // a driver deleted meanwhile is skipped, not fatal
  });

  it('purges with the RETENTION_DAYS cutoff and announces nobody when no unread reply went', async () => {
    const { job, query, published } = setup([{ deleted: 2, recounted: [] }]);
    await job.run(new Date('2026-12-01T03:45:00Z'));
    const purge = query.mock.calls.find(([sql]) => sql.includes('DELETE FROM messages')) as unknown as [string, unknown[]];
    expect(purge[1]).toEqual([new Date('2026-11-01T03:45:00Z'), 10_000]);
    expect(published).toEqual([]);
  });

  it('does nothing while another replica holds the lock', async () => {
    const { job, published } = setup([{ deleted: 5, recounted: ['d1'] }], false);
    expect(await job.run()).toBeNull();
    expect(published).toEqual([]);
  });
});
