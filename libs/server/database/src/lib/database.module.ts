import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions, type MigrationInterface, type MixedList } from 'typeorm';
import { runMigrationsExclusively } from './run-migrations';

export interface DatabaseModuleOptions {
  url: string;
  /** Every feature lib's migrations; TypeORM orders them by their timestamp. */
  migrations: MixedList<new () => MigrationInterface>;
  poolSize?: number;
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
            extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 },
          }),
          dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions as DataSourceOptions).initialize();
            await runMigrationsExclusively(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
