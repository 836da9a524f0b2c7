import { stringify } from 'csv-stringify/sync';
import type { PlaceDto } from '@convoy/contracts';
import { CSV_COLUMNS, CSV_POLYGON_COLUMN } from './place-import';

/** The import's CSV (plus a `polygon` column holding polygon places' geometry), so an export imports again. */
export function placesToCsv(places: PlaceDto[]): string {
  return stringify(
    places.map((p) => [
      p.name,
      p.center?.lat ?? '',
      p.center?.lon ?? '',
      p.radiusM ?? '',
      p.kind,
      p.note ?? '',
      p.polygon ? JSON.stringify(p.polygon) : '',
    ]),
    { header: true, columns: [...CSV_COLUMNS, CSV_POLYGON_COLUMN] },
  );
}

/** A FeatureCollection the import reads back: circles as Points with `radius_m`, polygons as Polygons. */
export function placesToGeoJson(places: PlaceDto[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: places.map((p) => ({
      type: 'Feature',
      id: p.id,
      geometry: p.polygon ?? { type: 'Point', coordinates: [p.center?.lon, p.center?.lat] },
      properties: { name: p.name, kind: p.kind, note: p.note, ...(p.radiusM !== null ? { radius_m: p.radiusM } : {}) },
    })),
  });
}
