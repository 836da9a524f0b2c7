import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@convoy/server/auth';
import { AppConfig, ConfigModule } from '@convoy/server/config';
import { DatabaseModule } from '@convoy/server/database';
import { GpsAppsModule } from '@convoy/server/gps-apps';
import { HealthModule } from '@convoy/server/health';
import { HttpModule, LoggingModule } from '@convoy/server/http';
import { LinksModule } from '@convoy/server/links';
import { LiveModule } from '@convoy/server/live';
import { BotModule } from '@convoy/server/bot';
import { DemoModule } from '@convoy/server/demo';
import { DriverActivityModule } from '@convoy/server/driver-activity';
import { EventsModule } from '@convoy/server/events';
import { MessagesModule } from '@convoy/server/messages';
import { MetricsModule } from '@convoy/server/metrics';
import { NotificationsModule } from '@convoy/server/notifications';
import { PrivacyModule } from '@convoy/server/privacy';
import { PlacesModule } from '@convoy/server/places';
import { ReportsModule } from '@convoy/server/reports';
import { CONVOY_MIGRATIONS } from '@convoy/server/schema';
import { SharingModule } from '@convoy/server/sharing';
import { TrackingModule } from '@convoy/server/tracking';
import { WebhooksModule } from '@convoy/server/webhooks';
import { ScheduleModule } from '@nestjs/schedule';

/**
 * Every path Nest's controllers serve (request log lines): the REST API, the join page, the legacy
 * link generator, health and metrics. The Telegram webhook and GPS-app ingest are plain Fastify
 * routes beside them (WEBHOOK_PATH, GPS_APP_INGEST_PATHS) and are not logged per request. A new
 * controller outside these paths must be added here (api-e2e "request log" checks each).
 */
export const NEST_ROUTES = ['api{/*path}', 'join/*path', 'generate-link', 'health{/*path}', 'metrics'];

/** The composition root: each feature is one lib, one Nest module. */
@Module({})
export class AppModule {
  static register(options: { config: AppConfig; databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggingModule.forRoot(options.config, { loggedRoutes: NEST_ROUTES }),
        MetricsModule,
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          migrations: CONVOY_MIGRATIONS,
          statementTimeoutMs: options.config.statementTimeoutMs,
        }),
        ScheduleModule.forRoot(),
        EventsModule,
        AuthModule,
        HealthModule,
        HttpModule,
        TrackingModule,
        LinksModule,
        PrivacyModule,
        SharingModule,
        GpsAppsModule,
        PlacesModule,
        DriverActivityModule,
        ReportsModule,
        NotificationsModule,
        WebhooksModule,
        MessagesModule,
        LiveModule,
        BotModule.register(options.config),
        DemoModule,
      ],
    };
  }
}
