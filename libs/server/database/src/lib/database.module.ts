import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions, type MigrationInterface, type MixedList } from 'typeorm';
import { runMigrationsExclusively } from './run-migrations';

export interface DatabaseModuleOptions {
  url: string;
  /** Every feature lib's migrations; TypeORM orders them by their timestamp. */
  migrations: MixedList<new () => MigrationInterface>;
  poolSize?: number;
  /**
   * Postgres `statement_timeout` (ms) of every pooled connection: no request can hold a connection
   * with one runaway query. Migrations run on a connection of their own without it.
   */
  statementTimeoutMs?: number;
}

/**
 * The one TypeORM connection. Feature libs register their entities with
 * `TypeOrmModule.forFeature()`; schema changes only come from committed migrations, run at boot.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres',
            url: options.url,
            autoLoadEntities: true,
            synchronize: false,
            migrationsRun: false,
            migrations: options.migrations,
            migrationsTableName: 'migrations',
            logging: ['error', 'warn'],
            retryAttempts: 2,
            retryDelay: 1000,
            extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5000, statement_timeout: options.statementTimeoutMs },
          }),
          dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
            const pooled = dataSourceOptions as DataSourceOptions & { extra: Record<string, unknown> };
            // a migration may rewrite a big table: it gets no statement_timeout (two connections: the advisory lock and the migration)
            const migrator = await new DataSource({ ...pooled, extra: { ...pooled.extra, max: 2, statement_timeout: undefined } } as DataSourceOptions).initialize();
            try {
              await runMigrationsExclusively(migrator);
            } finally {
              await migrator.destroy();
            }
            return new DataSource(pooled).initialize();
          },
        }),
      ],
    };
  }
}
