import type { CreatePlaceRequest, GeoJsonPolygon, PlaceDto, PlaceKind } from '@convoy/contracts';
import type { Circle, LatLng, Layer, PathOptions, Polygon } from 'leaflet';
import { Leaflet } from '../map/leaflet-global';

// kept beside the shapes for their users; defined without Leaflet so other pages can use it
export { KIND_LABELS } from '../ui/place-kind-labels';

/** One colour per kind, on the map and in the table. */
export const KIND_COLOURS: Record<PlaceKind, string> = {
  depot: '#2563eb',
  customer: '#16a34a',
  fuel: '#d97706',
  'rest-area': '#7c3aed',
  other: '#64748b',
};

/** The shape half of a place request. */
export type PlaceShapeFields = Pick<CreatePlaceRequest, 'center' | 'radiusM' | 'polygon'>;

/** A Leaflet circle or polygon for a place (GeoJSON [lon, lat] turned into Leaflet [lat, lon]). */
export function placeLayer(place: PlaceDto, options: PathOptions = {}): Circle | Polygon {
  const colour = KIND_COLOURS[place.kind];
  const style = { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.15, ...options };
  if (place.center && place.radiusM !== null) {
    return Leaflet.circle([place.center.lat, place.center.lon], { ...style, radius: place.radiusM });
  }
  const ring = (place.polygon as GeoJsonPolygon).coordinates[0].slice(0, -1);
  return Leaflet.polygon(
    ring.map(([lon, lat]) => [lat, lon] as [number, number]),
    style,
  );
}

/** The shape fields of a drawn or edited layer, rounded to what a map click can mean (~1 cm, 1 m). */
export function layerShape(layer: Layer): PlaceShapeFields | null {
  const round = (n: number) => Math.round(n * 1e7) / 1e7;
  if (layer instanceof Leaflet.Circle) {
    const c = layer.getLatLng();
    return { center: { lat: round(c.lat), lon: round(c.lng) }, radiusM: Math.round(layer.getRadius()) };
  }
  if (layer instanceof Leaflet.Polygon) {
    const rings = layer.getLatLngs() as LatLng[][];
    const ring = rings[0].map((p) => [round(p.lng), round(p.lat)]);
    if (ring.length < 3) return null;
    return { polygon: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } };
  }
  return null;
}

/** "Circle, 150 m" / "Polygon, 6 corners". */
export function describeShape(place: { polygon?: GeoJsonPolygon | null; radiusM?: number | null }): string {
  if (place.polygon) return `Polygon, ${place.polygon.coordinates[0].length - 1} corners`;
  return `Circle, ${place.radiusM} m`;
}
