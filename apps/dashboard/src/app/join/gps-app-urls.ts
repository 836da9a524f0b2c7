import type { IngestUrls } from '@convoy/contracts';

export const GPS_APPS = ['traccar', 'osmand', 'gpslogger', 'owntracks'] as const;
export type GpsApp = (typeof GPS_APPS)[number];

export const GPS_APP_NAMES: Readonly<Record<GpsApp, string>> = {
  traccar: 'Traccar Client',
  osmand: 'OsmAnd',
  gpslogger: 'GPSLogger',
  owntracks: 'OwnTracks',
};

/**
 * What Traccar Client's QR scanner reads: a URL whose origin + path become the server URL and whose
 * query sets the settings (`id` = device identifier, `accuracy`).
 */
export function traccarQrUrl(ingest: IngestUrls, deviceKey: string): string {
  const url = new URL(ingest.osmandUrl);
  url.searchParams.set('id', deviceKey);
  url.searchParams.set('accuracy', 'high');
  return url.toString();
}

/**
 * OsmAnd's online-tracking address: OsmAnd fills `{0}` lat, `{1}` lon, `{2}` time (Unix ms),
 * `{3}` accuracy, `{4}` altitude, `{6}` bearing. Its `{5}` speed is in m/s while the OsmAnd protocol
 * means knots, so it is left out: Convoy derives the speed from consecutive points.
 */
export function osmandTrackingUrl(ingest: IngestUrls, deviceKey: string): string {
  return `${withKey(ingest.osmandUrl, deviceKey)}&lat={0}&lon={1}&timestamp={2}&hdop={3}&altitude={4}&bearing={6}`;
}

/** GPSLogger's custom URL (placeholders `%LAT` …; `%TIMESTAMP` is Unix seconds, `%SPD` m/s: left out). */
export function gpsLoggerUrl(ingest: IngestUrls, deviceKey: string): string {
  return `${withKey(ingest.osmandUrl, deviceKey)}&lat=%LAT&lon=%LON&timestamp=%TIMESTAMP&altitude=%ALT&accuracy=%ACC&bearing=%DIR&batt=%BATT`;
}

/** `…/ingest/osmand?id=<key>` with the key escaped (the base carries no query of its own). */
function withKey(base: string, deviceKey: string): string {
  const separator = base.includes('?') ? '&' : '?';
  return `${base}${separator}id=${encodeURIComponent(deviceKey)}`;
}
