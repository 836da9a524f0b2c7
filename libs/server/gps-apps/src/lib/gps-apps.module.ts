import { Module } from '@nestjs/common';
import { SharingModule } from '@convoy/server/sharing';
import { OsmAndController } from './osmand/osmand.controller';
import { OwnTracksController } from './owntracks/owntracks.controller';

/** GPS-app channels: the OsmAnd protocol (Traccar Client, OsmAnd, GPSLogger) and OwnTracks' HTTP mode. */
@Module({ imports: [SharingModule], controllers: [OsmAndController, OwnTracksController] })
export class GpsAppsModule {}
