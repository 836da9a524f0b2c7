import type { PositionHistoryDto } from '@convoy/contracts';
import { stringify } from 'csv-stringify/sync';
import { create } from 'xmlbuilder2';

export interface ExportFile {
  contentType: string;
  extension: string;
  body: string;
}

/** CSV with a header row; times in ISO 8601 UTC, speed in m/s (as the API). */
export function toCsv(history: PositionHistoryDto): ExportFile {
  const body = stringify(
    history.positions.map((p) => [p.recordedAt, p.latitude, p.longitude, p.accuracy, p.speed, p.heading, p.source]),
    { header: true, columns: ['recorded_at', 'latitude', 'longitude', 'accuracy_m', 'speed_mps', 'heading_deg', 'source'] },
  );
  return { contentType: 'text/csv; charset=utf-8', extension: 'csv', body };
}

/** GPX 1.1: one track of one segment, a point (position + time) per position. */
export function toGpx(history: PositionHistoryDto, driverName: string): ExportFile {
  const gpx = create({ version: '1.0', encoding: 'UTF-8' }).ele('gpx', {
    version: '1.1',
    creator: 'Convoy',
    xmlns: 'http://www.topografix.com/GPX/1/1',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd',
  });
  gpx.ele('metadata').ele('name').txt(driverName).up().ele('time').txt(history.to);
  const segment = gpx.ele('trk').ele('name').txt(driverName).up().ele('trkseg');
  for (const p of history.positions) {
    const point = segment.ele('trkpt', { lat: String(p.latitude), lon: String(p.longitude) });
    point.ele('time').txt(p.recordedAt);
  }
  return { contentType: 'application/gpx+xml; charset=utf-8', extension: 'gpx', body: gpx.end({ prettyPrint: true }) };
}

/** GeoJSON FeatureCollection: the track as a LineString, and each position as a Point with its data. */
export function toGeoJson(history: PositionHistoryDto, driverName: string): ExportFile {
  const coordinates = history.positions.map((p) => [p.longitude, p.latitude]);
  const collection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates },
        properties: { driverId: history.driverId, name: driverName, from: history.from, to: history.to },
      },
      ...history.positions.map((p) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
        properties: { recordedAt: p.recordedAt, accuracy: p.accuracy, speed: p.speed, heading: p.heading, source: p.source },
      })),
    ],
  };
  return { contentType: 'application/geo+json; charset=utf-8', extension: 'geojson', body: JSON.stringify(collection) };
}
