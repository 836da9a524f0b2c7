import { PlaceEntity } from './entities/place.entity';
import { CreatePlaces1795490000000 } from './migrations/1795490000000-CreatePlaces';

export const PLACES_ENTITIES = [PlaceEntity];
export const PLACES_MIGRATIONS = [CreatePlaces1795490000000];
