/**
 * Compose's variable interpolation (compose-spec "Interpolation"): `$$` is a literal `$`;
 * `${VAR}` / `$VAR`; `${VAR:-default}` / `${VAR-default}`; `${VAR:?error}` / `${VAR?error}`;
 * `${VAR:+replacement}` / `${VAR+replacement}`; defaults may nest further `${…}`.
 * Applied to every string value of the parsed file, as Compose does.
 */
export interface InterpolationResult<T> {
  value: T;
  /** Every variable name the file refers to (in whatever form). */
  referenced: Set<string>;
  /** Messages of `${VAR:?message}` expressions whose variable was missing. */
  errors: string[];
}

export function interpolate<T>(document: T, env: Record<string, string | undefined>): InterpolationResult<T> {
  const referenced = new Set<string>();
  const errors: string[] = [];
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      for (const name of variableNames(node)) referenced.add(name);
      return interpolateString(node, env, referenced, errors);
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
    }
    return node;
  };
  return { value: walk(document) as T, referenced, errors };
}

/** Every variable a string mentions, defaults and messages included (`$$` is no reference). */
export function variableNames(text: string): string[] {
  return [...text.replace(/\$\$/g, '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
}

export function interpolateString(
  text: string,
  env: Record<string, string | undefined>,
  referenced = new Set<string>(),
  errors: string[] = [],
): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char !== '$') {
      out += char;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const end = closingBrace(text, i + 1);
      out += expand(text.slice(i + 2, end), env, referenced, errors);
      i = end + 1;
    } else {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0];
      if (!name) throw new Error(`invalid interpolation at "${text.slice(i)}"`);
      referenced.add(name);
      out += env[name] ?? '';
      i += 1 + name.length;
    }
  }
  return out;
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unclosed \${ in "${text}"`);
}

function expand(
  expression: string,
  env: Record<string, string | undefined>,
  referenced: Set<string>,
  errors: string[],
): string {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(expression);
  if (!match) throw new Error(`invalid interpolation \${${expression}}`);
  const [, name, operator, operand = ''] = match;
  referenced.add(name);
  const value = env[name];
  const unsetOrEmpty = value === undefined || value === '';
  const missing = operator?.startsWith(':') ? unsetOrEmpty : value === undefined;
  const rest = () => interpolateString(operand, env, referenced, errors);
  switch (operator) {
    case undefined:
      return value ?? '';
    case ':-':
    case '-':
      return missing ? rest() : (value as string);
    case ':?':
    case '?':
      if (missing) {
        errors.push(`${name}: ${rest() || 'required'}`);
        return '';
      }
      return value as string;
    case ':+':
    case '+':
      return missing ? '' : rest();
    default:
      throw new Error(`invalid interpolation \${${expression}}`);
  }
}
