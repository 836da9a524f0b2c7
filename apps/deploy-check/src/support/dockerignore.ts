/**
 * `.dockerignore` semantics (moby/patternmatcher): patterns are relative to the context root, `*`
 * and `?` stay within one path segment, `**` spans any number of segments, a leading `!` re-includes,
 * the last matching pattern wins, and a pattern that matches a directory excludes what is inside.
 */
export class DockerIgnore {
  private readonly rules: { regex: RegExp; negated: boolean; pattern: string }[];

  constructor(text: string) {
    this.rules = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const negated = line.startsWith('!');
        const pattern = normalize(negated ? line.slice(1).trim() : line);
        return { regex: toRegExp(pattern), negated, pattern };
      });
  }

  /** The patterns as written (negations without their `!`). */
  get patterns(): string[] {
    return this.rules.map((r) => r.pattern);
  }

  /** Whether a file at `path` (relative to the context root) is left out of the build context. */
  excludes(path: string): boolean {
    const segments = normalize(path).split('/');
    const candidates = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of this.rules) {
      if (candidates.some((candidate) => rule.regex.test(candidate))) excluded = !rule.negated;
    }
    return excluded;
  }
}

function normalize(path: string): string {
  return path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

function toRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      // `**/` = zero or more directories; a trailing `**` = everything below
      if (pattern[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
