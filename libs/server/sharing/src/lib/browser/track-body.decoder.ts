import type { DevicePoint } from '../devices/device-ingest.service';

/** Points one POST /api/track may carry (a page flushing what it queued while offline). */
export const MAX_TRACK_POINTS = 500;

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * POST /api/track's body — one `{lat, lon, accuracy?, heading?, speed? (m/s), altitude?, battery?,
 * recordedAt}` or an array of them — as points; null when it is not that shape. Unknown fields are
 * ignored; `-1` (unknown, as GPS APIs say it) and negative speeds/headings become null.
 */
export function decodeTrackBody(body: unknown): DevicePoint[] | null {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0 || items.length > MAX_TRACK_POINTS) return null;
  const points: DevicePoint[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') return null;
    const raw = item as Record<string, unknown>;
    const latitude = num(raw['lat']);
    const longitude = num(raw['lon']);
    const recordedAt = typeof raw['recordedAt'] === 'string' ? new Date(raw['recordedAt']) : null;
    if (latitude === null || longitude === null || !recordedAt || Number.isNaN(recordedAt.getTime())) return null;
    points.push({
      latitude,
      longitude,
      accuracy: num(raw['accuracy']),
      heading: nonNegative(num(raw['heading'])),
      speed: nonNegative(num(raw['speed'])),
      altitude: num(raw['altitude']),
      battery: num(raw['battery']),
      recordedAt,
    });
  }
  return points;
}

function nonNegative(value: number | null): number | null {
  return value === null || value < 0 ? null : value;
}
