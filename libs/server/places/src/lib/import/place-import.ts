import { parse } from 'csv-parse/sync';
import {
  PLACE_KINDS,
  type CreatePlaceRequest,
  type GeoJsonPolygon,
  type PlaceImportProblem,
  type PlaceKind,
} from '@convoy/contracts';
import { circleProblem, polygonProblem } from '../geometry/place-shape';

/** At most this many places per file. */
export const MAX_IMPORT_ROWS = 10_000;
export const CSV_COLUMNS = ['name', 'lat', 'lon', 'radius_m', 'kind', 'note'] as const;
/** Optional extra CSV column (written by the export): a GeoJSON Polygon geometry instead of lat/lon/radius_m. */
export const CSV_POLYGON_COLUMN = 'polygon';

export interface ParsedImport {
  places: CreatePlaceRequest[];
  problems: PlaceImportProblem[];
}

/** The first problem of the fields of one place, or null. Shared by CSV and GeoJSON rows and the API. */
export function placeFieldsProblem(place: CreatePlaceRequest): string | null {
  if (!place.name || place.name.trim().length === 0) return 'name is required';
  if (place.name.length > 120) return 'name is longer than 120 characters';
  if (place.note && place.note.length > 500) return 'note is longer than 500 characters';
  if (place.kind !== undefined && !PLACE_KINDS.includes(place.kind)) return `kind must be one of ${PLACE_KINDS.join(', ')}`;
  if (place.polygon !== undefined) {
    if (place.center !== undefined || place.radiusM !== undefined) return 'give either center + radius or a polygon, not both';
    return polygonProblem(place.polygon);
  }
  return circleProblem(place.center, place.radiusM);
}

/** `kind` as people write it: "Rest area", "rest_area", "REST-AREA" → rest-area; blank → other. */
export function normaliseKind(raw: string | undefined): PlaceKind | string {
  const kind = (raw ?? '').trim().toLowerCase().replace(/[\s_]+/g, '-');
  return kind === '' ? 'other' : kind;
}

/** Decodes UTF-8 strictly (a Latin-1 export is refused, not garbled) and drops a byte-order mark. */
export function decodeUtf8(body: Buffer | string): string | null {
  if (typeof body === 'string') return body.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/**
 * A CSV `name,lat,lon,radius_m,kind,note` (header required, columns in any order, `;` or `,`
 * separated — with `;`, a decimal comma is accepted). Every bad row is reported with its line in the
 * file (the header is line 1).
 */
export function parsePlacesCsv(file: string): ParsedImport {
  const text = file.replace(/\r\n?/g, '\n'); // one line ending, so each record's raw text counts its lines
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, { delimiter, raw: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { places: [], problems: [{ line, reason: `not valid CSV: ${(error as Error).message.replace(/^Invalid \w+: /, '')}` }] };
  }
  // the raw texts of the records, in order, are the whole file (skipped blank lines lead the next one)
  const lineOf = new Map<object, number>();
  let linesBefore = 0;
  for (const r of records) {
    lineOf.set(r, 1 + linesBefore + (r.raw.match(/^(?:\r?\n)*/)?.[0].match(/\n/g)?.length ?? 0));
    linesBefore += r.raw.match(/\n/g)?.length ?? 0;
  }
  const startLine = (r: object) => lineOf.get(r) ?? 1;
  const [header, ...rows] = records;
  if (!header) return { places: [], problems: [{ line: 1, reason: `empty file: the header ${CSV_COLUMNS.join(',')} is required` }] };
  const columns = header.record.map((c) => c.trim().toLowerCase());
  const missing = ['name', 'lat', 'lon', 'radius_m'].filter((c) => !columns.includes(c));
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c) && c !== CSV_POLYGON_COLUMN);
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
      unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    return { places: [], problems: [{ line: startLine(header), reason: `header must be ${CSV_COLUMNS.join(',')}: ${parts.join('; ')}` }] };
  }
  if (rows.length > MAX_IMPORT_ROWS)
    return { places: [], problems: [{ line: 1, reason: `${rows.length} rows; at most ${MAX_IMPORT_ROWS} per import` }] };
  if (rows.length === 0) return { places: [], problems: [{ line: 2, reason: 'no places after the header' }] };

  const places: CreatePlaceRequest[] = [];
  const problems: PlaceImportProblem[] = [];
  for (const row of rows) {
    const line = startLine(row);
    const cell = (name: string) => {
      const i = columns.indexOf(name);
      return i < 0 ? '' : (row.record[i] ?? '').trim();
    };
    if (row.record.length > columns.length) {
      problems.push({ line, reason: `${row.record.length} fields; the header has ${columns.length}` });
      continue;
    }
    const place: CreatePlaceRequest = { name: cell('name'), kind: normaliseKind(cell('kind')) as PlaceKind };
    const note = cell('note');
    if (note) place.note = note;
    const polygon = cell(CSV_POLYGON_COLUMN);
    if (polygon) {
      try {
        place.polygon = JSON.parse(polygon) as GeoJsonPolygon;
      } catch {
        problems.push({ line, reason: 'polygon is not valid GeoJSON' });
        continue;
      }
      if (cell('lat') || cell('lon') || cell('radius_m')) {
        problems.push({ line, reason: 'give either lat, lon, radius_m or a polygon, not both' });
        continue;
      }
    } else {
      const lat = number(cell('lat'), delimiter);
      const lon = number(cell('lon'), delimiter);
      const radiusM = number(cell('radius_m'), delimiter);
      if (lat === null || lon === null) {
        problems.push({ line, reason: 'lat and lon must be numbers' });
        continue;
      }
      if (radiusM === null) {
        problems.push({ line, reason: 'radius_m must be a number of metres' });
        continue;
      }
      place.center = { lat, lon };
      place.radiusM = radiusM;
    }
    const problem = placeFieldsProblem(place);
    if (problem) problems.push({ line, reason: problem });
    else places.push(place);
  }
  return { places, problems };
}

/**
 * A GeoJSON FeatureCollection: Point features with a `radius_m` property (circles) or Polygon
 * features; `name`, `kind`, `note` from the properties. `line` is the feature's number (first = 1).
 */
export function parsePlacesGeoJson(text: string): ParsedImport {
  let collection: unknown;
  try {
    collection = JSON.parse(text);
  } catch (error) {
    return { places: [], problems: [{ line: 1, reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  const c = collection as { type?: unknown; features?: unknown };
  if (!c || c.type !== 'FeatureCollection' || !Array.isArray(c.features))
    return { places: [], problems: [{ line: 1, reason: 'must be a GeoJSON FeatureCollection' }] };
  if (c.features.length > MAX_IMPORT_ROWS)
    return { places: [], problems: [{ line: 1, reason: `${c.features.length} features; at most ${MAX_IMPORT_ROWS} per import` }] };
  if (c.features.length === 0) return { places: [], problems: [{ line: 1, reason: 'no features' }] };
  const places: CreatePlaceRequest[] = [];
  const problems: PlaceImportProblem[] = [];
  c.features.forEach((feature: unknown, index: number) => {
    const line = index + 1;
    const f = feature as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown }; properties?: Record<string, unknown> | null };
    if (!f || f.type !== 'Feature' || !f.geometry) return problems.push({ line, reason: 'not a GeoJSON Feature with a geometry' });
    const props = f.properties ?? {};
    const place: CreatePlaceRequest = {
      name: typeof props['name'] === 'string' ? props['name'].trim() : '',
      kind: normaliseKind(typeof props['kind'] === 'string' ? props['kind'] : undefined) as PlaceKind,
    };
    if (typeof props['note'] === 'string' && props['note'].trim()) place.note = props['note'].trim();
    if (f.geometry.type === 'Point') {
      const [lon, lat] = Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as unknown[]) : [];
      if (typeof lat !== 'number' || typeof lon !== 'number') return problems.push({ line, reason: 'Point coordinates must be [lon, lat]' });
      const radius = props['radius_m'];
      const radiusM = typeof radius === 'number' ? radius : typeof radius === 'string' ? number(radius, ',') : null;
      if (radiusM === null) return problems.push({ line, reason: 'a Point needs a radius_m property (metres)' });
      place.center = { lat, lon };
      place.radiusM = radiusM;
    } else if (f.geometry.type === 'Polygon') {
      place.polygon = f.geometry as GeoJsonPolygon;
    } else {
      return problems.push({ line, reason: `geometry ${String(f.geometry.type)} is not supported (Point with radius_m, or Polygon)` });
    }
    const problem = placeFieldsProblem(place);
    if (problem) problems.push({ line, reason: problem });
    else places.push(place);
    return undefined;
  });
  return { places, problems };
}

function number(text: string, delimiter: string): number | null {
  const normalised = delimiter === ';' ? text.replace(',', '.') : text;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}
