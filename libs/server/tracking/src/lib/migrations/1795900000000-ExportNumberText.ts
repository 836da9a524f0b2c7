import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `convoy_js_number(text)`: a float's Postgres text (shortest round-trip digits, as `extra_float_digits
 * = 1` prints them) rewritten as JavaScript's `String(number)` prints the same value, so the CSV that
 * Postgres writes with COPY is byte-identical to the one the API wrote in Node: no exponent between
 * 1e-7 and 1e21 (`1e-05` → `0.00001`, `1.5e+06` → `1500000`), `e-7` not `e-07`, `-0` → `0`.
 * Exports call it only for texts with an `e` or `-0` (rare), so it costs nothing per ordinary row.
 */
export class ExportNumberText1795900000000 implements MigrationInterface {
  name = 'ExportNumberText1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION convoy_js_number(t text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE
                 WHEN t = '-0' THEN '0'
                 WHEN x IS NULL THEN t
                 WHEN x <= -7 OR x >= 21 THEN m || 'e' || CASE WHEN x < 0 THEN '-' ELSE '+' END || abs(x)
                 WHEN x < 0 THEN s || '0.' || repeat('0', -x - 1) || d
                 WHEN length(d) <= x + 1 THEN s || d || repeat('0', x + 1 - length(d))
                 ELSE s || left(d, x + 1) || '.' || substr(d, x + 2)
               END
          FROM (SELECT split_part(t, 'e', 1) AS m,
                       CASE WHEN position('e' IN t) > 0 THEN split_part(t, 'e', 2)::int END AS x) parts,
               LATERAL (SELECT CASE WHEN left(m, 1) = '-' THEN '-' ELSE '' END AS s,
                               replace(ltrim(m, '-'), '.', '') AS d) digits
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION convoy_js_number(text)`);
  }
}
