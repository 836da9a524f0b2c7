/**
 * $1 driver, $2–$3 the range (both ends included), $4 the point cap.
 *
 * Postgres does only the cheap part of a history answer: it counts the range from the index
 * (`sized`), numbers the points in time order in one ordered pass (`row_number()` over the backward
 * index-only scan; the tie-break `id` — insertion order of points with equal times — is an INCLUDE
 * column, not a key, so an Incremental Sort orders each run of equal times, no full Sort), keeps
 * every `step`-th point plus the last, and returns those as a few packed values, one per field, in
 * time order — no JSON, no text per number, no per-point row:
 * - `latitudes`, `longitudes`, `accuracies`, `speeds`: big-endian float8 each (`float8send`). The
 *   `real` columns go through their text form (`::text::float8`), so the double is the one a parser
 *   of Postgres's `real` text made before (12.3, not 12.300000190734863); null is sent as 0.
 * - `times`: Postgres's own int8 of µs since 2000-01-01 (`timestamptz_send`).
 * - `words`: int4 per point: heading + 32768 (bits 0–15), null flags (bit 16 accuracy, 17 speed,
 *   18 heading) and the byte length of the source in UTF-8 (bits 19–): the source of point i is the
 *   next that many bytes of `sources`, the points' sources concatenated.
 * One string_agg per field is cheaper than concatenating the fields per point (each `||` copies).
 * A day of 17,280 points: docs/architecture.md "History".
 */
export const HISTORY_PACKED_SQL = `
  WITH sized AS (
    SELECT count(*) AS total FROM positions WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3
  ), stepped AS (
    SELECT total, greatest(1, ceil(total / $4::float8))::bigint AS step FROM sized
  )
  SELECT stepped.total, stepped.step, points.*
    FROM stepped CROSS JOIN LATERAL (
      SELECT string_agg(float8send(latitude), '') AS latitudes,
             string_agg(float8send(longitude), '') AS longitudes,
             string_agg(float8send(coalesce(accuracy::text::float8, 0)), '') AS accuracies,
             string_agg(float8send(coalesce(speed::text::float8, 0)), '') AS speeds,
             string_agg(timestamptz_send(recorded_at), '') AS times,
             string_agg(int4send(coalesce(heading, 0) + 32768
                                 + 65536 * ((accuracy IS NULL)::int + 2 * (speed IS NULL)::int + 4 * (heading IS NULL)::int)
                                 + 524288 * octet_length(convert_to(source, 'UTF8'))), '') AS words,
             string_agg(source, '') AS sources
        FROM (SELECT latitude, longitude, accuracy, speed, heading, recorded_at, source,
                     row_number() OVER (ORDER BY recorded_at, id) AS rn
                FROM positions
               WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3
               ORDER BY recorded_at, id) AS numbered
       WHERE (rn - 1) % stepped.step = 0 OR rn = stepped.total) AS points`;

/** The one row of HISTORY_PACKED_SQL as node-pg gives it (bigint as text, bytea as Buffer; null: no points). */
export interface PackedHistoryRow {
  total: string;
  step: string;
  latitudes: Buffer | null;
  longitudes: Buffer | null;
  accuracies: Buffer | null;
  speeds: Buffer | null;
  times: Buffer | null;
  words: Buffer | null;
  sources: string | null;
}
