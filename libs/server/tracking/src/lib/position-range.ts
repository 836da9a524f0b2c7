import { MAX_HISTORY_RANGE_DAYS } from '@convoy/contracts';
import { MAX_CLOCK_SKEW_MS } from './ingest/location-validation';
import { rangeInvalid, rangeTooLong } from './tracking.errors';

const DAY_MS = 86_400_000;

/**
 * The range of a history or export request: default end now (plus the clock skew ingest accepts, so
 * a device slightly ahead is included), default start 24 h before the end; at most
 * MAX_HISTORY_RANGE_DAYS long (400 RANGE_TOO_LONG), never backwards (400 RANGE_INVALID).
 */
export function positionRange(fromIso: string | undefined, toIso: string | undefined, now = Date.now()): { from: Date; to: Date } {
  const to = toIso ? new Date(toIso) : new Date(now + MAX_CLOCK_SKEW_MS);
  const from = fromIso ? new Date(fromIso) : new Date(to.getTime() - DAY_MS);
  if (from > to) throw rangeInvalid();
  if (to.getTime() - from.getTime() > MAX_HISTORY_RANGE_DAYS * DAY_MS) throw rangeTooLong();
  return { from, to };
}
