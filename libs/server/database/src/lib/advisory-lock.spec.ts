import type { DataSource } from 'typeorm';
import { withAdvisoryLock } from './advisory-lock';

function fakeDataSource(acquired: boolean) {
  const queries: string[] = [];
  const runner = {
    connect: jest.fn(),
    release: jest.fn(),
    query: jest.fn(async (sql: string) => {
      queries.push(sql);
      return sql.includes('pg_try_advisory_lock') ? [{ acquired }] : [];
    }),
  };
  return { dataSource: { createQueryRunner: () => runner } as unknown as DataSource, runner, queries };
}

describe('withAdvisoryLock', () => {
  it('releases the lock and the connection when the work fails', async () => {
    const { dataSource, runner, queries } = fakeDataSource(true);
    await expect(withAdvisoryLock(dataSource, '42', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(queries.at(-1)).toBe('SELECT pg_advisory_unlock(42)');
    expect(runner.release).toHaveBeenCalled();
  });

  it('does not run (nor unlock) when another session holds the lock', async () => {
    const { dataSource, runner, queries } = fakeDataSource(false);
    const work = jest.fn();
    await expect(withAdvisoryLock(dataSource, '42', work)).resolves.toEqual({ ran: false });
    expect(work).not.toHaveBeenCalled();
    expect(queries.some((q) => q.includes('unlock'))).toBe(false);
    expect(runner.release).toHaveBeenCalled();
  });

  it('runs the work and hands back its result', async () => {
    const { dataSource } = fakeDataSource(true);
    await expect(withAdvisoryLock(dataSource, '42', async () => 7)).resolves.toEqual({ ran: true, result: 7 });
  });
});
