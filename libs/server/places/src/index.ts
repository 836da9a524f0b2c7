export * from './lib/places.module';
export * from './lib/places.schema';
export * from './lib/places.service';
export * from './lib/places.errors';
export * from './lib/geometry/place-shape';
export * from './lib/geometry/place-index';
export * from './lib/visits/visit-rule';
export type { PlaceEntity } from './lib/entities/place.entity';
