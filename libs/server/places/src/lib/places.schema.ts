import { PlaceEntity } from './entities/place.entity';
import { CreatePlaces1795490000000 } from './migrations/1795490000000-CreatePlaces';
import { CreateVisits1795810000000 } from './migrations/1795810000000-CreateVisits';
import { DriverPlaceStateEntity } from './visits/entities/driver-place-state.entity';
import { VisitEntity } from './visits/entities/visit.entity';

export const PLACES_ENTITIES = [PlaceEntity, VisitEntity, DriverPlaceStateEntity];
export const PLACES_MIGRATIONS = [CreatePlaces1795490000000, CreateVisits1795810000000];
