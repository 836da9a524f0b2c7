import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ADVISORY_LOCK_KEYS } from './advisory-lock-keys';

/** Any fixed 64-bit key: "convoy:migrations". */
const MIGRATION_LOCK_KEY = ADVISORY_LOCK_KEYS.migrations;

/**
 * Runs pending migrations while holding a Postgres advisory lock, so replicas starting together
 * apply the schema exactly once: the first migrates, the others wait and then find nothing to do.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const logger = new Logger('Migrations');
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.log(`Applied ${migration.name}`);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => undefined);
    await runner.release();
  }
}
