/** Over the threshold for at least this long is one `driver.speeding` (issue #10). */
export const SPEEDING_MIN_SECONDS = 30;

/** A point of one driver, as the speeding rule sees it. `speedKmh` null: unknown, changes nothing. */
export interface SpeedPoint {
  at: Date;
  speedKmh: number | null;
  lat: number;
  lon: number;
}

/** A speeding spell: since its first point over the threshold, its top speed, reported or not yet. */
export interface SpeedingSpell {
  since: Date;
  maxKmh: number;
  reported: boolean;
}

/** The point at which a spell reached SPEEDING_MIN_SECONDS: the facts of its `driver.speeding`. */
export interface SpeedingReport {
  at: Date;
  speedKmh: number;
  maxKmh: number;
  since: Date;
  lat: number;
  lon: number;
}

/** A point of the head: over the threshold, before any point at or below it. */
export interface HeadPoint extends SpeedPoint {
  speedKmh: number;
  /** Highest speed of the head up to and including this point. */
  maxKmh: number;
}

/**
 * One driver's points of a batch, cut where the speed drops to the threshold or below. The `head`
 * (over-threshold points before the first drop) continues whatever spell is stored, so only the
 * database can finish it (`continueSpell`); everything after the first drop is decided here: the
 * spells that began and ended inside the batch, and the spell the batch leaves open (`tail`).
 */
export interface SpeedingSegments {
  head: HeadPoint[];
  /** A point at or below the threshold came: the stored spell is over, `tail` replaces it. */
  broke: boolean;
  /** After the last drop: the open spell (null: none). Only meaningful when `broke`. */
  tail: SpeedingSpell | null;
  /** Reports of spells that began after the first drop (they do not depend on the stored state). */
  reports: SpeedingReport[];
}

/** Splits one driver's points (any order; sorted by time here) at each drop to `thresholdKmh` or below. */
export function speedingSegments(points: readonly SpeedPoint[], thresholdKmh: number): SpeedingSegments {
  const ordered = [...points].filter((p) => p.speedKmh !== null).sort((a, b) => a.at.getTime() - b.at.getTime());
  const head: HeadPoint[] = [];
  const reports: SpeedingReport[] = [];
  let broke = false;
  let tail = null as SpeedingSpell | null;
  for (const point of ordered) {
    const speed = point.speedKmh as number;
    const over = speed > thresholdKmh;
    if (!broke) {
      if (over) {
        head.push({ ...point, speedKmh: speed, maxKmh: Math.max(speed, head.at(-1)?.maxKmh ?? speed) });
        continue;
      }
      broke = true;
      continue;
    }
    if (!over) {
      tail = null;
      continue;
    }
    const open: SpeedingSpell = tail ? { ...tail, maxKmh: Math.max(tail.maxKmh, speed) } : { since: point.at, maxKmh: speed, reported: false };
    if (!open.reported && reachedMinimum(open.since, point.at)) {
      open.reported = true;
      reports.push({ at: point.at, speedKmh: speed, maxKmh: open.maxKmh, since: open.since, lat: point.lat, lon: point.lon });
    }
    tail = open;
  }
  return { head, broke, tail, reports };
}

/**
 * The stored spell continued by the head (what the participant's SQL does, written out for the
 * tests and as its specification): the spell after it, and the report when the head carried it past
 * SPEEDING_MIN_SECONDS.
 */
export function continueSpell(stored: SpeedingSpell | null, head: readonly HeadPoint[]): { spell: SpeedingSpell | null; report: SpeedingReport | null } {
  if (head.length === 0) return { spell: stored, report: null };
  const since = stored?.since ?? head[0].at;
  const storedMax = stored?.maxKmh ?? 0;
  let report: SpeedingReport | null = null;
  if (!stored?.reported) {
    const crossing = head.find((point) => reachedMinimum(since, point.at));
    if (crossing) {
      report = {
        at: crossing.at,
        speedKmh: crossing.speedKmh,
        maxKmh: Math.max(storedMax, crossing.maxKmh),
        since,
        lat: crossing.lat,
        lon: crossing.lon,
      };
    }
  }
  const maxKmh = Math.max(storedMax, head.at(-1)?.maxKmh ?? 0);
  return { spell: { since, maxKmh, reported: (stored?.reported ?? false) || report !== null }, report };
}

/** The whole rule for one driver and one batch: the stored spell, then the batch's points. */
export function decideSpeeding(
  stored: SpeedingSpell | null,
  points: readonly SpeedPoint[],
  thresholdKmh: number,
): { spell: SpeedingSpell | null; reports: SpeedingReport[] } {
  const segments = speedingSegments(points, thresholdKmh);
  const continued = continueSpell(stored, segments.head);
  const reports = [...(continued.report ? [continued.report] : []), ...segments.reports];
  return { spell: segments.broke ? segments.tail : continued.spell, reports };
}

function reachedMinimum(since: Date, at: Date): boolean {
  return at.getTime() - since.getTime() >= SPEEDING_MIN_SECONDS * 1000;
}
