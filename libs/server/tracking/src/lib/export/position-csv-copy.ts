/**
 * The CSV export as one `COPY (SELECT …) TO STDOUT` statement: Postgres writes the file and the API
 * only forwards its bytes. Every column is formatted in SQL exactly as the Node writer did before
 * (csv-stringify of the row): times as `Date.toISOString()` (UTC, milliseconds, `Z`), floats as
 * `String(number)` (via `convoy_js_number` for the rare texts Postgres writes with an exponent or
 * as `-0`), nulls as empty fields, the same header. COPY takes no bind parameters, so the values are
 * written as escaped literals.
 */

/** The header row, as COPY writes it from the column aliases. */
export const CSV_COLUMNS = ['recorded_at', 'latitude', 'longitude', 'accuracy_m', 'speed_mps', 'heading_deg', 'source'] as const;

/** A float column as JavaScript prints it; the common case (no exponent, not -0) is Postgres' own text. */
const jsNumber = (column: string) =>
  `CASE WHEN position('e' IN ${column}::text) = 0 AND ${column}::text <> '-0' THEN ${column}::text ELSE convoy_js_number(${column}::text) END`;

export interface CsvCopyRange {
  driverId: string;
  from: Date;
  to: Date;
}

/** `literal` quotes a value for SQL (pg's `Client.escapeLiteral`). */
export function positionCsvCopySql({ driverId, from, to }: CsvCopyRange, literal: (value: string) => string): string {
  return `COPY (
    SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at,
           ${jsNumber('latitude')} AS latitude,
           ${jsNumber('longitude')} AS longitude,
           ${jsNumber('accuracy')} AS accuracy_m,
           ${jsNumber('speed')} AS speed_mps,
           heading AS heading_deg,
           source
      FROM positions
     WHERE driver_id = ${literal(driverId)}::uuid
       AND recorded_at BETWEEN ${literal(from.toISOString())}::timestamptz AND ${literal(to.toISOString())}::timestamptz
     ORDER BY positions.recorded_at, positions.id -- the table's columns, not the text aliases: index order, no sort
  ) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}
