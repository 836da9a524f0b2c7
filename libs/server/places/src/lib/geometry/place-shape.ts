import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kinks } from '@turf/kinks';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import {
  greatCircleMetres,
  PLACE_MAX_POLYGON_VERTICES,
  PLACE_MAX_RADIUS_M,
  PLACE_MIN_RADIUS_M,
  type GeoJsonPolygon,
  type LatLon,
} from '@convoy/contracts';

/** A place's shape: a circle around a centre, or one closed ring (GeoJSON `[lon, lat]` order). */
export type PlaceShape =
  | { type: 'circle'; center: LatLon; radiusM: number }
  | { type: 'polygon'; polygon: GeoJsonPolygon };

/** A shape with the box that holds it, for the spatial index. */
export interface BoundingBox {
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

const METRES_PER_DEGREE_LAT = 111_195;

/** Why a circle cannot be a place, or null when it can. */
export function circleProblem(center: unknown, radiusM: unknown): string | null {
  const c = center as Partial<LatLon> | null | undefined;
  if (!c || typeof c.lat !== 'number' || typeof c.lon !== 'number' || !Number.isFinite(c.lat) || !Number.isFinite(c.lon))
    return 'center must be {lat, lon} numbers';
  if (c.lat < -90 || c.lat > 90) return 'lat must be between -90 and 90';
  if (c.lon < -180 || c.lon > 180) return 'lon must be between -180 and 180';
  if (typeof radiusM !== 'number' || !Number.isFinite(radiusM)) return 'radius_m must be a number of metres';
  if (radiusM < PLACE_MIN_RADIUS_M || radiusM > PLACE_MAX_RADIUS_M)
    return `radius_m must be between ${PLACE_MIN_RADIUS_M} and ${PLACE_MAX_RADIUS_M} metres`;
  return null;
}

/**
 * Why a GeoJSON geometry cannot be a place's polygon, or null when it can: a Polygon with exactly one
 * ring, closed, 3–500 distinct vertices in range, not crossing itself (checked with @turf/kinks).
 */
export function polygonProblem(geometry: unknown): string | null {
  const g = geometry as Partial<GeoJsonPolygon> | null | undefined;
  if (!g || typeof g !== 'object' || g.type !== 'Polygon' || !Array.isArray(g.coordinates))
    return 'polygon must be a GeoJSON Polygon geometry';
  if (g.coordinates.length !== 1) return 'polygon must have exactly one ring (no holes)';
  const ring = g.coordinates[0];
  if (!Array.isArray(ring)) return 'polygon ring must be an array of [lon, lat] positions';
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2 || !position.every((n) => typeof n === 'number' && Number.isFinite(n)))
      return 'polygon positions must be [lon, lat] numbers';
    const [lon, lat] = position;
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return 'polygon positions must be [lon, lat] within range';
  }
  if (ring.length < 4) return 'polygon ring needs at least 3 vertices and the closing position';
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'polygon ring must be closed (last position = first)';
  const vertices = ring.length - 1;
  if (vertices > PLACE_MAX_POLYGON_VERTICES) return `polygon has ${vertices} vertices; at most ${PLACE_MAX_POLYGON_VERTICES}`;
  if (new Set(ring.slice(0, -1).map(([lon, lat]) => `${lon},${lat}`)).size < 3) return 'polygon needs at least 3 distinct vertices';
  const crossings = kinks({ type: 'Polygon', coordinates: [ring.map(([lon, lat]) => [lon, lat])] });
  if (crossings.features.length > 0) return 'polygon ring crosses itself';
  return null;
}

/** Metres from the point to the shape: 0 inside or on the border. */
export function metresOutside(shape: PlaceShape, lat: number, lon: number): number {
  if (shape.type === 'circle') return Math.max(0, greatCircleMetres(shape.center.lat, shape.center.lon, lat, lon) - shape.radiusM);
  if (booleanPointInPolygon([lon, lat], shape.polygon)) return 0;
  return Math.max(0, pointToPolygonDistance([lon, lat], shape.polygon, { units: 'meters', method: 'geodesic' }));
}

export function contains(shape: PlaceShape, lat: number, lon: number): boolean {
  return metresOutside(shape, lat, lon) === 0;
}

/** The box around the shape, grown by `marginM` on every side. */
export function boundingBox(shape: PlaceShape, marginM = 0): BoundingBox {
  let box: BoundingBox;
  let extraM = marginM;
  if (shape.type === 'circle') {
    box = { minLat: shape.center.lat, maxLat: shape.center.lat, minLon: shape.center.lon, maxLon: shape.center.lon };
    extraM += shape.radiusM;
  } else {
    const ring = shape.polygon.coordinates[0];
    box = { minLat: Infinity, maxLat: -Infinity, minLon: Infinity, maxLon: -Infinity };
    for (const [lon, lat] of ring) {
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
      box.minLon = Math.min(box.minLon, lon);
      box.maxLon = Math.max(box.maxLon, lon);
    }
  }
  return grow(box, extraM);
}

/** `box` grown by `metres` (longitude degrees at the box's most poleward latitude). */
export function grow(box: BoundingBox, metres: number): BoundingBox {
  if (metres <= 0) return box;
  const dLat = metres / METRES_PER_DEGREE_LAT;
  const poleward = Math.min(89, Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)) + dLat);
  const dLon = metres / (METRES_PER_DEGREE_LAT * Math.cos((poleward * Math.PI) / 180));
  return {
    minLat: Math.max(-90, box.minLat - dLat),
    maxLat: Math.min(90, box.maxLat + dLat),
    minLon: Math.max(-180, box.minLon - dLon),
    maxLon: Math.min(180, box.maxLon + dLon),
  };
}
