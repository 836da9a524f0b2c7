/** Most points one JSON history answer carries (for the map); longer ranges are thinned evenly in time. */
export const HISTORY_POINT_CAP = 5000;

/**
 * $1 driver, $2–$3 the range (both ends included), $4 the point cap. Sent as the named prepared
 * statement HISTORY_PACKED_STATEMENT: each pooled connection parses and plans it once (planning it
 * afresh cost 2–3 ms a request, more with every partition), and the range's partitions are pruned
 * when it executes. `known`: whether the driver exists (the 404), in the same round trip.
 *
 * Postgres does only the cheap part of a history answer: it counts the range from the index
 * (`sized`), numbers the points in time order in one ordered pass (`row_number()` over the backward
 * index-only scan; the tie-break `id` — insertion order of points with equal times — is an INCLUDE
 * column, not a key, so an Incremental Sort orders each run of equal times, no full Sort), keeps
 * every `step`-th point plus the last, and returns those as one value per field, in time order —
 * no JSON building, no row per point:
 * - `latitudes`, `longitudes`, `accuracies`, `speeds`: the numbers' own text (what Postgres's json
 *   wrote for them before: float8/float4 shortest round-trip form), comma-separated, '' for null.
 *   Postgres's float output is C (ryu); JS's number-to-string of the same doubles cost ~4× the rest
 *   of the answer's Node CPU.
 * - `times`: Postgres's own int8 of µs since 2000-01-01 (`timestamptz_send`), big-endian, packed.
 * - `words`: int4 per point, packed: heading + 32768 (bits 0–15), heading is null (bit 16), the
 *   byte length of the source in UTF-8 (bits 17–): the source of point i is the next that many
 *   bytes of `sources`, the points' sources concatenated.
 * One string_agg per field is cheaper than concatenating the fields per point (each `||` copies).
 * Measured on a day of 17,280 points: docs/architecture.md "History JSON".
 */
export const HISTORY_PACKED_STATEMENT = 'convoy_history_packed_v1';

export const HISTORY_PACKED_SQL = `
  WITH sized AS (
    SELECT count(*) AS total FROM positions WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3
  ), stepped AS (
    SELECT total, greatest(1, ceil(total / $4::float8))::bigint AS step FROM sized
  )
  SELECT EXISTS (SELECT 1 FROM drivers WHERE id = $1) AS known, stepped.total, stepped.step, points.*
    FROM stepped CROSS JOIN LATERAL (
      SELECT string_agg(latitude::text, ',') AS latitudes,
             string_agg(longitude::text, ',') AS longitudes,
             string_agg(coalesce(accuracy::text, ''), ',') AS accuracies,
             string_agg(coalesce(speed::text, ''), ',') AS speeds,
             string_agg(timestamptz_send(recorded_at), '') AS times,
             string_agg(int4send(coalesce(heading, 0) + 32768 + 65536 * (heading IS NULL)::int
                                 + 131072 * octet_length(convert_to(source, 'UTF8'))), '') AS words,
             string_agg(source, '') AS sources
        FROM (SELECT latitude, longitude, accuracy, speed, heading, recorded_at, source,
                     row_number() OVER (ORDER BY recorded_at, id) AS rn
                FROM positions
               WHERE driver_id = $1 AND recorded_at BETWEEN $2 AND $3
               ORDER BY recorded_at, id) AS numbered
       WHERE (rn - 1) % stepped.step = 0 OR rn = stepped.total) AS points`;

/** The one row of HISTORY_PACKED_SQL as node-pg gives it (bigint as text, bytea as Buffer; null: no points). */
export interface PackedHistoryRow {
  known: boolean;
  total: string;
  step: string;
  latitudes: string | null;
  longitudes: string | null;
  accuracies: string | null;
  speeds: string | null;
  times: Buffer | null;
  words: Buffer | null;
  sources: string | null;
}
