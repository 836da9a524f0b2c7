import type { PositionSource } from '@convoy/contracts';
import { create } from 'xmlbuilder2';
import { type CsvCopyRange, positionCsvCopySql } from './position-csv-copy';

/** One stored point as Postgres hands it to an export (column names as in `positions`). */
export interface ExportPoint {
  recorded_at: Date;
  latitude: number;
  longitude: number;
  accuracy: number | null;
  speed: number | null;
  heading: number | null;
  source: PositionSource;
}

/** What a file is made from: every point of the range, readable once per `points()` call, in time order. */
export interface ExportSource {
  driverId: string;
  driverName: string;
  from: Date;
  to: Date;
  /** How many points `points()` yields. */
  total: number;
  points(): AsyncIterable<ExportPoint>;
}

/** A format written in Node from the points (GPX, GeoJSON). */
export interface RenderedExportFormat {
  kind: 'rendered';
  contentType: string;
  extension: string;
  /** The file as text chunks, produced as the points arrive (nothing holds the whole range). */
  render(source: ExportSource): AsyncIterable<string>;
}

/** A format Postgres writes itself (`COPY … TO STDOUT`): the API forwards its bytes. */
export interface CopiedExportFormat {
  kind: 'copied';
  contentType: string;
  extension: string;
  /** The COPY statement of the range; `literal` quotes a value (COPY takes no parameters). */
  copySql(range: CsvCopyRange, literal: (value: string) => string): string;
}

export type ExportFormat = RenderedExportFormat | CopiedExportFormat;

/** Chunks of about this many characters leave for the socket: fewer, larger writes. */
const CHUNK_CHARS = 64 * 1024;

/** CSV with a header row; times in ISO 8601 UTC, speed in m/s (as the API). Written by Postgres: position-csv-copy.ts. */
export const CSV_EXPORT: CopiedExportFormat = {
  kind: 'copied',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  copySql: positionCsvCopySql,
};

/** GPX 1.1: one track of one segment, a point (position + time) per position. */
export const GPX_EXPORT: RenderedExportFormat = {
  kind: 'rendered',
  contentType: 'application/gpx+xml; charset=utf-8',
  extension: 'gpx',
  render(source) {
    const name = create().ele('name').txt(source.driverName).end({ headless: true }); // escaped by xmlbuilder2
    const head =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gpx version="1.1" creator="Convoy" xmlns="http://www.topografix.com/GPX/1/1" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">\n' +
      `  <metadata>${name}<time>${source.to.toISOString()}</time></metadata>\n` +
      `  <trk>${name}<trkseg>\n`;
    return chunked(
      (async function* () {
        yield head;
        for await (const p of source.points()) {
          yield `    <trkpt lat="${p.latitude}" lon="${p.longitude}"><time>${p.recorded_at.toISOString()}</time></trkpt>\n`;
        }
        yield '  </trkseg></trk>\n</gpx>\n';
      })(),
    );
  },
};

/**
 * GeoJSON (RFC 7946) FeatureCollection: the track as a LineString (only with two or more points:
 * RFC 7946 §3.1.4), then each position as a Point with its data. 0 points → no features. The line
 * and the points are two passes over the range, so neither is held in memory.
 */
export const GEOJSON_EXPORT: RenderedExportFormat = {
  kind: 'rendered',
  contentType: 'application/geo+json; charset=utf-8',
  extension: 'geojson',
  render(source) {
    const properties = { driverId: source.driverId, name: source.driverName, from: source.from.toISOString(), to: source.to.toISOString() };
    return chunked(
      (async function* () {
        yield `{"type":"FeatureCollection","properties":${JSON.stringify(properties)},"features":[`;
        let first = true;
        if (source.total >= 2) {
          yield `{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":{"type":"LineString","coordinates":[`;
          for await (const p of source.points()) {
            yield `${first ? '' : ','}[${p.longitude},${p.latitude}]`;
            first = false;
          }
          yield ']}}';
        }
        if (source.total >= 1) {
          for await (const p of source.points()) {
            const props = { recordedAt: p.recorded_at.toISOString(), accuracy: p.accuracy, speed: p.speed, heading: p.heading, source: p.source };
            yield `${first ? '' : ','}{"type":"Feature","properties":${JSON.stringify(props)},"geometry":{"type":"Point","coordinates":[${p.longitude},${p.latitude}]}}`;
            first = false;
          }
        }
        yield ']}';
      })(),
    );
  },
};

export const EXPORT_FORMATS = { csv: CSV_EXPORT, gpx: GPX_EXPORT, geojson: GEOJSON_EXPORT } as const;

/** Joins small pieces into chunks of ~CHUNK_CHARS. */
async function* chunked(pieces: AsyncIterable<string>): AsyncIterable<string> {
  let buffer = '';
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
