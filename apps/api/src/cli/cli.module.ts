import { type DynamicModule, Module } from '@nestjs/common';
import { AUTH_MIGRATIONS, AuthModule } from '@convoy/server/auth';
import { AppConfig, ConfigModule } from '@convoy/server/config';
import { DatabaseModule } from '@convoy/server/database';
import { LINKS_MIGRATIONS } from '@convoy/server/links';
import { TRACKING_MIGRATIONS } from '@convoy/server/tracking';

/** What the CLI needs: configuration, the database (migrated like the API) and the accounts. */
@Module({})
export class CliModule {
  static register(options: { config: AppConfig; databaseUrl: string }): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(options.config),
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          migrations: [...AUTH_MIGRATIONS, ...TRACKING_MIGRATIONS, ...LINKS_MIGRATIONS],
          poolSize: 2,
        }),
        AuthModule,
      ],
    };
  }
}
