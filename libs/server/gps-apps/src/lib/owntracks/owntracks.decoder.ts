import type { DevicePoint } from '@convoy/server/sharing';

/** 1 km/h in m/s. */
const KMH_MS = 1 / 3.6;

/**
 * OwnTracks' HTTP mode: a JSON message per POST. Only `_type: "location"` carries a point — `lat`,
 * `lon`, `tst` (Unix s), `acc` (m), `vel` (km/h), `cog` (°), `alt` (m), `batt` (%); everything else
 * (waypoints, transitions, cards, lwt…) gives no point and is ignored. null for a body that is not an
 * OwnTracks message.
 */
export function decodeOwnTracks(body: unknown): DevicePoint[] | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const message = body as Record<string, unknown>;
  if (typeof message['_type'] !== 'string') return null;
  if (message['_type'] !== 'location') return [];
  const latitude = num(message['lat']);
  const longitude = num(message['lon']);
  const tst = num(message['tst']);
  if (latitude === null || longitude === null || tst === null) return null;
  const vel = known(num(message['vel']));
  const acc = known(num(message['acc']));
  return [
    {
      latitude,
      longitude,
      recordedAt: new Date(tst * 1000),
      accuracy: acc === null || acc > 1500 ? null : acc,
      speed: vel === null ? null : Math.round(vel * KMH_MS * 100) / 100,
      heading: known(num(message['cog'])),
      altitude: num(message['alt']),
      battery: known(num(message['batt'])),
    },
  ];
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function known(value: number | null): number | null {
  return value === null || value < 0 ? null : value;
}
