import { Module } from '@nestjs/common';
import { SharingModule } from '@convoy/server/sharing';
import { OsmAndController } from './osmand/osmand.controller';
import { OwnTracksController } from './owntracks/owntracks.controller';

/**
 * Routes GPS apps call once per point: no request log line and no browser security headers (like the
 * Telegram webhook); refusals are logged by DeviceIngestService.
 */
export const GPS_APP_INGEST_PATHS = ['ingest/osmand', 'ingest/owntracks'];

/** GPS-app channels: the OsmAnd protocol (Traccar Client, OsmAnd, GPSLogger) and OwnTracks' HTTP mode. */
@Module({ imports: [SharingModule], controllers: [OsmAndController, OwnTracksController] })
export class GpsAppsModule {}
