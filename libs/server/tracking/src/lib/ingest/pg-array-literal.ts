/**
 * A Postgres array literal (`{1,2.5,NULL}`) of one batch column, sent as one text parameter: what
 * node-pg makes of a JS array, without its per-element `prepareValue` and two regex escapes (~7 % of
 * the API's CPU per update in a profile of the position writer). Numbers in JS's shortest round-trip
 * form (float8/real/int input reads it: `1e-7`; `-0` kept, which node-pg wrote as `0`), booleans `t`/`f`, null `NULL`; strings always
 * quoted with `\` and `"` escaped, so any text round-trips (also `NULL`, braces, commas, spaces).
 */
export function pgArrayLiteral(values: ReadonlyArray<number | boolean | string | null>): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ',';
    if (value === null) literal += 'NULL';
    else if (typeof value === 'number') literal += Number.isFinite(value) ? (Object.is(value, -0) ? '-0' : String(value)) : `"${String(value)}"`;
    else if (typeof value === 'boolean') literal += value ? 't' : 'f';
    else literal += quoted(value);
  }
  return literal + '}';
}

/** Identifiers and timestamps Convoy writes (uuids, ISO times) need no escaping: the common case skips the regexes. */
const PLAIN = /^[0-9A-Za-z:.+-]*$/;

function quoted(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
