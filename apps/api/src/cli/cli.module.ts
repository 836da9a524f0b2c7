import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@convoy/server/auth';
import { AppConfig, ConfigModule } from '@convoy/server/config';
import { DatabaseModule } from '@convoy/server/database';
import { CONVOY_MIGRATIONS } from '@convoy/server/schema';

/** What the CLI needs: configuration, the database (migrated like the API) and the accounts. */
@Module({})
export class CliModule {
  static register(options: { config: AppConfig; databaseUrl: string }): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(options.config),
        DatabaseModule.forRoot({ url: options.databaseUrl, migrations: CONVOY_MIGRATIONS, poolSize: 2 }),
        AuthModule,
      ],
    };
  }
}
