import type { DevicePoint } from '@convoy/server/sharing';

/** 1 knot in m/s. */
const KNOT_MS = 0.514444;
/** Metres per unit of HDOP, when an app sends no accuracy (a typical GPS error budget). */
const HDOP_METRES = 5;

export interface OsmAndRequest {
  /** The device key (`id` / `deviceid`, or the JSON body's `device_id`). */
  deviceKey: string | null;
  points: DevicePoint[];
}

type Fields = Record<string, unknown>;

/**
 * The OsmAnd protocol as Traccar Client, OsmAnd and GPSLogger speak it (after traccar's
 * OsmAndProtocolDecoder): query or form fields — `id`/`deviceid`, `lat`+`lon` or `location=lat,lon`,
 * `timestamp` (Unix s, Unix ms or an ISO date; missing = now), `speed` in knots, `bearing`/`heading`,
 * `altitude`, `accuracy` (else `hdop`), `batt` — or the JSON body newer Traccar Client versions POST
 * (`{location: {timestamp, coords: {latitude, longitude, accuracy, speed (m/s), heading, altitude},
 * battery: {level 0–1}}, device_id}`, `location` possibly an array). Unknown fields are ignored;
 * `-1` means unknown. null when the request carries no usable point.
 */
export function decodeOsmAnd(query: Fields, body: unknown, now: Date): OsmAndRequest | null {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'location' in (body as Fields)) {
    return decodeTraccarJson(body as Fields, query);
  }
  const fields: Fields = { ...(body && typeof body === 'object' ? (body as Fields) : {}), ...query };
  const deviceKey = text(fields['id']) ?? text(fields['deviceid']);
  let latitude = number(fields['lat']);
  let longitude = number(fields['lon']);
  const location = text(fields['location']);
  if ((latitude === null || longitude === null) && location) {
    const [lat, lon] = location.split(',').map((part) => number(part));
    latitude = lat ?? null;
    longitude = lon ?? null;
  }
  if (latitude === null || longitude === null) return null;
  const recordedAt = fields['timestamp'] === undefined ? now : timestamp(fields['timestamp']);
  if (!recordedAt) return null;
  const speedKnots = known(number(fields['speed']));
  const accuracy = known(number(fields['accuracy'])) ?? scaled(known(number(fields['hdop'])), HDOP_METRES);
  return {
    deviceKey,
    points: [
      {
        latitude,
        longitude,
        recordedAt,
        speed: speedKnots === null ? null : round(speedKnots * KNOT_MS),
        heading: known(number(fields['bearing']) ?? number(fields['heading'])),
        altitude: number(fields['altitude']),
        accuracy: plausibleAccuracy(accuracy),
        battery: known(number(fields['batt'])),
      },
    ],
  };
}

function decodeTraccarJson(body: Fields, query: Fields): OsmAndRequest | null {
  const deviceKey = text(body['device_id']) ?? text(query['id']) ?? text(query['deviceid']);
  const locations = Array.isArray(body['location']) ? body['location'] : [body['location']];
  const points: DevicePoint[] = [];
  for (const raw of locations) {
    if (!raw || typeof raw !== 'object') continue;
    const location = raw as Fields;
    const coords = (location['coords'] ?? {}) as Fields;
    const latitude = number(coords['latitude']);
    const longitude = number(coords['longitude']);
    const recordedAt = timestamp(location['timestamp']);
    if (latitude === null || longitude === null || !recordedAt) continue;
    const level = number(((location['battery'] ?? {}) as Fields)['level']);
    points.push({
      latitude,
      longitude,
      recordedAt,
      speed: known(number(coords['speed'])),
      heading: known(number(coords['heading'])),
      altitude: number(coords['altitude']),
      accuracy: plausibleAccuracy(known(number(coords['accuracy']))),
      battery: level === null || level < 0 ? null : round(level <= 1 ? level * 100 : level),
    });
  }
  return points.length > 0 ? { deviceKey, points } : null;
}

/** Unix seconds, Unix milliseconds, or a date string (ISO, or Traccar's `yyyy-MM-dd HH:mm:ss` in UTC). */
export function timestamp(value: unknown): Date | null {
  const raw = typeof value === 'number' ? String(value) : text(value);
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw)) {
    const n = Number(raw);
    return new Date(n > 1e11 ? n : n * 1000);
  }
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(raw) ? `${raw.replace(' ', 'T')}Z` : raw;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function text(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

function number(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const raw = text(value);
  if (raw === null) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** `-1` (or any negative) = unknown. */
function known(value: number | null): number | null {
  return value === null || value < 0 ? null : value;
}

function scaled(value: number | null, factor: number): number | null {
  return value === null ? null : value * factor;
}

/** A radius beyond 1.5 km says nothing about where the device is: kept as unknown, not refused. */
function plausibleAccuracy(value: number | null): number | null {
  return value === null || value > 1500 ? null : value;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
