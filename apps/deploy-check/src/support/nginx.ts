/** A directive of an nginx configuration: `name args…;` or `name args… { children }`. */
export interface NginxDirective {
  name: string;
  args: string[];
  children?: NginxDirective[];
  line: number;
}

/** Parses nginx configuration text (comments, quoted strings, blocks) into a directive tree. */
export function parseNginx(text: string): NginxDirective[] {
  const tokens = tokenize(text);
  let position = 0;
  const parseBlock = (closing: boolean): NginxDirective[] => {
    const directives: NginxDirective[] = [];
    let words: { value: string; line: number }[] = [];
    while (position < tokens.length) {
      const token = tokens[position++];
      if (token.value === ';' && !token.quoted) {
        if (words.length === 0) throw new Error(`line ${token.line}: empty directive`);
        directives.push({ name: words[0].value, args: words.slice(1).map((w) => w.value), line: words[0].line });
        words = [];
      } else if (token.value === '{' && !token.quoted) {
        if (words.length === 0) throw new Error(`line ${token.line}: block without a name`);
        const [name, ...args] = words;
        directives.push({ name: name.value, args: args.map((w) => w.value), children: parseBlock(true), line: name.line });
        words = [];
      } else if (token.value === '}' && !token.quoted) {
        if (!closing || words.length > 0) throw new Error(`line ${token.line}: unexpected }`);
        return directives;
      } else {
        words.push(token);
      }
    }
    if (closing || words.length > 0) throw new Error('unexpected end of file (missing } or ;)');
    return directives;
  };
  return parseBlock(false);
}

interface Token {
  value: string;
  quoted: boolean;
  line: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '\n') {
      line++;
      i++;
    } else if (/\s/.test(char)) {
      i++;
    } else if (char === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '"' || char === "'") {
      let value = '';
      i++;
      while (i < text.length && text[i] !== char) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        if (text[i] === '\n') line++;
        value += text[i++];
      }
      if (i >= text.length) throw new Error(`line ${line}: unclosed quote`);
      i++;
      tokens.push({ value, quoted: true, line });
    } else if (char === ';' || char === '{' || char === '}') {
      tokens.push({ value: char, quoted: false, line });
      i++;
    } else {
      let value = '';
      while (i < text.length && !/[\s;{}]/.test(text[i])) value += text[i++];
      tokens.push({ value, quoted: false, line });
    }
  }
  return tokens;
}

/** Directives named `name` directly inside `block`. */
export function directives(block: NginxDirective[] | undefined, name: string): NginxDirective[] {
  return (block ?? []).filter((d) => d.name === name);
}

/** `location` blocks by their (last) argument: `location /socket.io/ {…}`, `location = /metrics {…}`. */
export function locations(server: NginxDirective): Map<string, NginxDirective> {
  return new Map(directives(server.children, 'location').map((l) => [l.args.join(' '), l]));
}
