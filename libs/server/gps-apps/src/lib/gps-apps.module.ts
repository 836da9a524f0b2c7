import { Module } from '@nestjs/common';
import { SharingModule } from '@convoy/server/sharing';
import { GpsAppRoutes } from './gps-app.routes';

/**
 * Routes GPS apps call once per point: no request log line and no browser security headers (like the
 * Telegram webhook); refusals are logged by DeviceIngestService.
 */
export const GPS_APP_INGEST_PATHS = ['ingest/osmand', 'ingest/owntracks'];

/**
 * GPS-app channels: the OsmAnd protocol (Traccar Client, OsmAnd, GPSLogger) and OwnTracks' HTTP mode,
 * as plain Fastify routes beside Nest (`GpsAppRoutes`).
 */
@Module({ imports: [SharingModule], providers: [GpsAppRoutes] })
export class GpsAppsModule {}
