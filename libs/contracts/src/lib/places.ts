/** What a place is to the fleet. `rest-area` is a motorway rest area / truck stop. */
export const PLACE_KINDS = ['depot', 'customer', 'fuel', 'rest-area', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A circle's radius is between these (metres). */
export const PLACE_MIN_RADIUS_M = 25;
export const PLACE_MAX_RADIUS_M = 5_000;
/** A polygon's outer ring has at most this many vertices (the closing vertex not counted). */
export const PLACE_MAX_POLYGON_VERTICES = 500;

export interface LatLon {
  lat: number;
  lon: number;
}

/** GeoJSON Polygon geometry: rings of `[lon, lat]`, each closed (first = last). Only the outer ring is used. */
export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

/** `center` + `radiusM` for a circle, or `polygon`: exactly one of the two shapes. */
export interface CreatePlaceRequest {
  name: string;
  kind?: PlaceKind;
  note?: string | null;
  center?: LatLon;
  radiusM?: number;
  polygon?: GeoJsonPolygon;
}

/** Every field optional; a new shape (circle or polygon) replaces the old one. */
export type UpdatePlaceRequest = Partial<CreatePlaceRequest>;

export interface PlaceDto {
  id: string;
  name: string;
  kind: PlaceKind;
  note: string | null;
  /** Circle: its centre; polygon: null. */
  center: LatLon | null;
  radiusM: number | null;
  polygon: GeoJsonPolygon | null;
  createdAt: string;
  updatedAt: string;
}

/** One refused row of an import; `line` as in the file (CSV: the header is line 1; GeoJSON: feature index + 1). */
export interface PlaceImportProblem {
  line: number;
  reason: string;
}

/** `POST /api/places/import` answer (201, or 200 with `dryRun`). */
export interface PlaceImportResult {
  dryRun: boolean;
  /** What was (dry run: would be) created, in file order; empty when any row is bad. */
  places: CreatePlaceRequest[];
  created: number;
  problems: PlaceImportProblem[];
}

/** `code` of a refused import (422): `message` says how many rows, `problems` lists them. */
export const PLACE_IMPORT_INVALID = 'PLACE_IMPORT_INVALID';

export const PLACE_EXPORT_FORMATS = ['json', 'csv', 'geojson'] as const;
export type PlaceExportFormat = (typeof PLACE_EXPORT_FORMATS)[number];
