import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs `work` on one connection of TypeORM's pool as node-pg's own client, released afterwards
 * (also when `work` throws): for what `DataSource.query` cannot send — a named prepared statement
 * (parsed and planned once per connection), a binary-format result, a COPY stream.
 */
export async function withPoolClient<T>(dataSource: DataSource, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    return await work((await runner.connect()) as PoolClient);
  } finally {
    await runner.release();
  }
}
