import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrackingModule } from '@convoy/server/tracking';
import { PlacesBodyParsers } from './places.body-parsers';
import { PlacesController } from './places.controller';
import { PLACES_ENTITIES } from './places.schema';
import { PlacesService } from './places.service';
import { LivePlaceIndex } from './visits/live-place-index';
import { VisitDetection } from './visits/visit-detection.participant';
import { VisitsController } from './visits/visits.controller';
import { VisitsLive } from './visits/visits-live';
import { VisitsService } from './visits/visits.service';

/**
 * Places (circles and polygons), their import/export, the spatial index, and visits: detected in the
 * position group commit (a commit participant registered with tracking), listed by `/api/visits`,
 * announced live through `VisitsLive`.
 */
@Module({
  imports: [TypeOrmModule.forFeature(PLACES_ENTITIES), TrackingModule],
  controllers: [PlacesController, VisitsController],
  providers: [PlacesService, PlacesBodyParsers, LivePlaceIndex, VisitDetection, VisitsLive, VisitsService],
  exports: [PlacesService, VisitsService, VisitsLive],
})
export class PlacesModule {}
