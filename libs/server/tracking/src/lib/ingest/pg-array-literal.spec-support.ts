/**
 * For stand-ins of Postgres in specs: the values of a literal `pgArrayLiteral` made (numbers, `t`/`f`,
 * NULL, quoted strings), as Postgres's array input would read them back.
 */
export function parsePgArrayLiteral(literal: string): Array<number | boolean | string | null> {
  const values: Array<number | boolean | string | null> = [];
  const body = literal.slice(1, -1);
  for (let at = 0; at < body.length; ) {
    if (body[at] === '"') {
      let text = '';
      for (at++; body[at] !== '"'; at++) text += body[at] === '\\' ? body[++at] : body[at];
      values.push(text);
      at += 2; // the closing quote and the comma
      continue;
    }
    const end = body.indexOf(',', at) === -1 ? body.length : body.indexOf(',', at);
    const word = body.slice(at, end);
    values.push(word === 'NULL' ? null : word === 't' ? true : word === 'f' ? false : Number(word));
    at = end + 1;
  }
  return values;
}
