import { driverStatusAt, type DriverDto, type DriverStatus, type PositionDto } from '@convoy/contracts';

/** How many recent points each driver keeps in memory for the live trail. */
export const TRAIL_LENGTH = 20;

/**
 * The fleet as published by LiveStore: `drivers` is one Map updated in place (10,000 drivers are not
 * copied every frame); a new LiveFleet object with a higher `revision` marks each change. Read it,
 * do not keep it.
 */
export interface LiveFleet {
  readonly drivers: ReadonlyMap<string, LiveDriver>;
  readonly revision: number;
  /**
   * Drivers added, changed or removed since revision - 1; null when anything may have changed (a full
   * replace). A consumer that saw revision - 1 needs to look at these only.
   */
  readonly changed: ReadonlySet<string> | null;
}

export type TrailPoint = readonly [latitude: number, longitude: number];

/**
 * A driver as the dashboard holds it: the server's DTO (with `status` recomputed in the browser) plus
 * what the browser derives. Immutable: every change makes a new object, so `a !== b` means "changed".
 */
export interface LiveDriver extends Readonly<DriverDto> {
  /** recordedAt of lastPosition, parsed (ms); null without a position. */
  readonly lastSeenMs: number | null;
  /** The latest points, oldest first, the last one being lastPosition (at most TRAIL_LENGTH). */
  readonly trail: readonly TrailPoint[];
}

export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The status of `driver` at `nowMs`, by the server's own rule (contracts' driverStatusAt), with the
 * server's live window (`/api/config` liveWithinSeconds).
 */
export function statusAt(driver: Omit<LiveDriver, 'status'>, nowMs: number, liveWithinMs: number): DriverStatus {
  return driverStatusAt(
    {
      lastSeenMs: driver.lastSeenMs,
      sharingSinceMs: parseTime(driver.sharingSince),
      sharingEndedAtMs: parseTime(driver.sharingEndedAt),
      liveUntilMs: parseTime(driver.liveUntil),
    },
    nowMs,
    liveWithinMs,
  );
}

/**
 * A DTO from the server (snapshot, REST, `driver` event) merged with what the browser already knows:
 * the newer of the two latest positions wins, and the trail carries on.
 */
export function fromDto(dto: DriverDto, previous: LiveDriver | undefined, nowMs: number, liveWithinMs: number): LiveDriver {
  if (dto.erasedAt) {
    // erased: nothing of where they were stays on screen (not the last position, not the trail)
    const base = { ...dto, lastPosition: null, lastSeenMs: null, trail: [] };
    return { ...base, status: statusAt(base, nowMs, liveWithinMs) };
  }
  const incomingMs = parseTime(dto.lastPosition?.recordedAt);
  const keepPrevious = previous?.lastSeenMs != null && (incomingMs === null || previous.lastSeenMs > incomingMs);
  const lastPosition = keepPrevious ? (previous?.lastPosition ?? null) : dto.lastPosition;
  const lastSeenMs = keepPrevious ? (previous?.lastSeenMs ?? null) : incomingMs;
  const trail =
    keepPrevious || !lastPosition
      ? (previous?.trail ?? [])
      : extendTrail(previous?.trail ?? [], lastPosition, previous?.lastSeenMs ?? null, lastSeenMs);
  const base = { ...dto, lastPosition, lastSeenMs, trail };
  return { ...base, status: statusAt(base, nowMs, liveWithinMs) };
}

/** `driver` with a newer position; null when `position` is not newer than what it has. */
export function withPosition(driver: LiveDriver, position: PositionDto, nowMs: number, liveWithinMs: number): LiveDriver | null {
  const recordedMs = parseTime(position.recordedAt);
  if (driver.erasedAt) return null; // a batch from before the erasure, arriving after it
  if (recordedMs === null || (driver.lastSeenMs !== null && recordedMs <= driver.lastSeenMs)) return null;
  const base = {
    ...driver,
    lastPosition: position,
    lastSeenMs: recordedMs,
    trail: extendTrail(driver.trail, position, driver.lastSeenMs, recordedMs),
  };
  return { ...base, status: statusAt(base, nowMs, liveWithinMs) };
}

function extendTrail(
  trail: readonly TrailPoint[],
  position: PositionDto,
  previousMs: number | null,
  currentMs: number | null,
): readonly TrailPoint[] {
  if (previousMs !== null && currentMs !== null && currentMs <= previousMs) return trail;
  const last = trail.at(-1);
  if (last && last[0] === position.latitude && last[1] === position.longitude) return trail;
  const next = [...trail, [position.latitude, position.longitude] as const];
  return next.length > TRAIL_LENGTH ? next.slice(next.length - TRAIL_LENGTH) : next;
}
