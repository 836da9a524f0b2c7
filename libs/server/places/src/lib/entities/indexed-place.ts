import type { IndexedPlace } from '../geometry/place-index';
import type { PlaceShape } from '../geometry/place-shape';
import type { PlaceEntity } from './place.entity';

/** A row as the spatial index holds it. */
export function toIndexedPlace(place: PlaceEntity): IndexedPlace {
  const shape: PlaceShape = place.polygon
    ? { type: 'polygon', polygon: place.polygon }
    : { type: 'circle', center: { lat: place.centerLat as number, lon: place.centerLon as number }, radiusM: place.radiusM as number };
  return { id: place.id, shape };
}
