import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacesBodyParsers } from './places.body-parsers';
import { PlacesController } from './places.controller';
import { PLACES_ENTITIES } from './places.schema';
import { PlacesService } from './places.service';

/** Places (circles and polygons), their import/export, the spatial index and the visit rule. */
@Module({
  imports: [TypeOrmModule.forFeature(PLACES_ENTITIES)],
  controllers: [PlacesController],
  providers: [PlacesService, PlacesBodyParsers],
  exports: [PlacesService],
})
export class PlacesModule {}
