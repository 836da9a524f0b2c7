import type { MessageEntity } from 'telegraf/types';
import { badRequest, type BotApiError } from './bot-api-error';

/** Message text as Telegram stores it: plain text plus entities (offsets in UTF-16 code units). */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/**
 * Applies `parse_mode` the way Telegram does, including its refusals — a bot that formats a driver's
 * name like "mr_smith" with legacy Markdown gets "can't parse entities" from Telegram, and should get it
 * here too. Covers the three modes (HTML, Markdown, MarkdownV2) for the entities a bot sends; error
 * wording and byte offsets follow the Bot API's.
 */
export function parseFormattedText(input: string, parseMode: string | undefined): FormattedText {
  const mode = (parseMode ?? '').toLowerCase();
  const parsed =
    mode === ''
      ? { text: input, entities: [] }
      : mode === 'html'
        ? new HtmlParser(input).parse()
        : mode === 'markdown'
          ? new LegacyMarkdownParser(input).parse()
          : mode === 'markdownv2'
            ? new MarkdownV2Parser(input).parse()
            : unsupportedParseMode();
  return trimFormatted({ text: parsed.text, entities: sortEntities(parsed.entities) });
}

/** Telegram strips leading and trailing whitespace from message texts, moving entities along. */
export function trimFormatted({ text, entities }: FormattedText): FormattedText {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const end = start + trimmed.length;
  const kept = entities
    .map((entity) => {
      const from = Math.max(entity.offset, start);
      const to = Math.min(entity.offset + entity.length, end);
      return { ...entity, offset: from - start, length: to - from };
    })
    .filter((entity) => entity.length > 0);
  return { text: trimmed, entities: kept };
}

function unsupportedParseMode(): never {
  throw badRequest('unsupported parse_mode');
}

function cantParse(reason: string): BotApiError {
  return badRequest(`can't parse entities: ${reason}`);
}

function byteOffset(input: string, index: number): number {
  return Buffer.byteLength(input.slice(0, index), 'utf8');
}

function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.filter((e) => e.length > 0).sort((a, b) => a.offset - b.offset || b.length - a.length);
}

type SimpleEntityType = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'spoiler' | 'code' | 'blockquote';

interface OpenEntity {
  tag: string;
  offset: number;
  inputIndex: number;
  entity: (length: number, offset: number) => MessageEntity | null;
}

const HTML_SIMPLE: Record<string, SimpleEntityType> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  code: 'code',
  blockquote: 'blockquote',
};

const HTML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

class HtmlParser {
  private out = '';
  private readonly entities: MessageEntity[] = [];
  private readonly open: OpenEntity[] = [];

  constructor(private readonly input: string) {}

  parse(): FormattedText {
    let i = 0;
    while (i < this.input.length) {
      const char = this.input[i];
      if (char === '<') i = this.tag(i);
      else if (char === '&') i = this.characterReference(i);
      else {
        this.out += char;
        i += 1;
      }
    }
    const unclosed = this.open.at(-1);
    if (unclosed) throw cantParse(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
    return { text: this.out, entities: this.entities };
  }

  private tag(start: number): number {
    const close = this.input.indexOf('>', start);
    if (close < 0) throw cantParse(`Unclosed start tag at byte offset ${byteOffset(this.input, start)}`);
    const body = this.input.slice(start + 1, close);
    if (body.startsWith('/')) this.endTag(body.slice(1).trim().toLowerCase(), start);
    else this.startTag(body, start);
    return close + 1;
  }

  private startTag(body: string, start: number): void {
    const name = (/^[a-zA-Z][a-zA-Z0-9-]*/.exec(body)?.[0] ?? '').toLowerCase();
    const attributes = parseAttributes(body.slice(name.length));
    const at = byteOffset(this.input, start);
    let entity: OpenEntity['entity'];
    if (name === 'a') {
      const url = attributes['href'];
      entity = (length, offset) => (url ? { type: 'text_link', offset, length, url } : null);
    } else if (name === 'span') {
      if (attributes['class'] !== 'tg-spoiler') throw cantParse(`Tag "span" must have class "tg-spoiler" at byte offset ${at}`);
      entity = (length, offset) => ({ type: 'spoiler', offset, length });
    } else if (name === 'pre') {
      entity = (length, offset) => ({ type: 'pre', offset, length });
    } else if (name === 'tg-emoji') {
      const id = attributes['emoji-id'];
      if (!id) throw cantParse(`Custom emoji entity must contain a tg://emoji URL at byte offset ${at}`);
      entity = (length, offset) => ({ type: 'custom_emoji', offset, length, custom_emoji_id: id });
    } else if (name === 'code' && this.open.at(-1)?.tag === 'pre' && attributes['class']?.startsWith('language-')) {
      // <pre><code class="language-x"> is one pre entity with a language, not two entities
      const pre = this.open.pop() as OpenEntity;
      const language = attributes['class'].slice('language-'.length);
      this.open.push({ ...pre, entity: () => null });
      entity = (length, offset) => ({ type: 'pre', offset, length, language });
    } else if (name in HTML_SIMPLE) {
      const type = HTML_SIMPLE[name];
      entity = (length, offset) => ({ type, offset, length });
    } else {
      throw cantParse(`Unsupported start tag "${name}" at byte offset ${at}`);
    }
    this.open.push({ tag: name, offset: this.out.length, inputIndex: start, entity });
  }

  private endTag(name: string, start: number): void {
    const top = this.open.at(-1);
    const at = byteOffset(this.input, start);
    if (!top) throw cantParse(`Unexpected end tag at byte offset ${at}`);
    if (top.tag !== name) throw cantParse(`Unmatched end tag at byte offset ${at}, expected "</${top.tag}>", found "</${name}>"`);
    this.open.pop();
    const entity = top.entity(this.out.length - top.offset, top.offset);
    if (entity) this.entities.push(entity);
  }

  private characterReference(start: number): number {
    const match = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/.exec(this.input.slice(start, start + 12));
    const name = match?.[1];
    if (!match || !name) {
      this.out += '&';
      return start + 1;
    }
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      this.out += String.fromCodePoint(Math.min(code, 0x10ffff));
    } else if (HTML_ENTITIES[name.toLowerCase()]) {
      this.out += HTML_ENTITIES[name.toLowerCase()];
    } else {
      this.out += match[0]; // Telegram keeps unknown named references as written
    }
    return start + match[0].length;
  }
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    attributes[match[1].toLowerCase()] = decodeHtml(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function decodeHtml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot);/g, (_, name: string) => HTML_ENTITIES[name]);
}

/** Telegram's legacy "Markdown": *bold*, _italic_, `code`, ```pre```, [text](url); no nesting. */
class LegacyMarkdownParser {
  private out = '';
  private readonly entities: MessageEntity[] = [];

  constructor(private readonly input: string) {}

  parse(): FormattedText {
    const input = this.input;
    let i = 0;
    while (i < input.length) {
      const char = input[i];
      if (char === '\\' && '_*`['.includes(input[i + 1] ?? '')) {
        this.out += input[i + 1];
        i += 2;
      } else if (char === '*' || char === '_') {
        i = this.delimited(i, char, char === '*' ? 'bold' : 'italic');
      } else if (input.startsWith('```', i)) {
        i = this.pre(i);
      } else if (char === '`') {
        i = this.delimited(i, '`', 'code');
      } else if (char === '[') {
        i = this.link(i);
      } else {
        this.out += char;
        i += 1;
      }
    }
    return { text: this.out, entities: this.entities };
  }

  private delimited(start: number, delimiter: string, type: 'bold' | 'italic' | 'code'): number {
    const end = this.input.indexOf(delimiter, start + 1);
    if (end < 0) throw this.unterminated(start);
    const content = this.input.slice(start + 1, end);
    this.entities.push({ type, offset: this.out.length, length: content.length });
    this.out += content;
    return end + 1;
  }

  private pre(start: number): number {
    const end = this.input.indexOf('```', start + 3);
    if (end < 0) throw this.unterminated(start);
    let content = this.input.slice(start + 3, end);
    const firstLine = /^([^\s`]+)\n/.exec(content);
    const language = firstLine?.[1];
    if (firstLine) content = content.slice(firstLine[0].length);
    this.entities.push({ type: 'pre', offset: this.out.length, length: content.length, ...(language ? { language } : {}) });
    this.out += content;
    return end + 3;
  }

  private link(start: number): number {
    const close = this.input.indexOf(']', start + 1);
    if (close < 0) throw this.unterminated(start);
    const label = this.input.slice(start + 1, close);
    let next = close + 1;
    let url = '';
    if (this.input[next] === '(') {
      const end = this.input.indexOf(')', next + 1);
      if (end < 0) throw this.unterminated(start);
      url = this.input.slice(next + 1, end);
      next = end + 1;
    }
    if (url) this.entities.push({ type: 'text_link', offset: this.out.length, length: label.length, url });
    this.out += label;
    return next;
  }

  private unterminated(start: number): BotApiError {
    return cantParse(`Can't find end of the entity starting at byte offset ${byteOffset(this.input, start)}`);
  }
}

const V2_RESERVED = '_*[]()~`>#+-=|{}.!';

const V2_NAMES: Record<string, string> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strikethrough: 'Strikethrough',
  spoiler: 'Spoiler',
  text_link: 'TextUrl',
  custom_emoji: 'CustomEmoji',
};

/** MarkdownV2: nestable entities, and every reserved character outside them must be escaped. */
class MarkdownV2Parser {
  private out = '';
  private readonly entities: MessageEntity[] = [];
  private readonly open: Array<{ type: string; offset: number; inputIndex: number }> = [];

  constructor(private readonly input: string) {}

  parse(): FormattedText {
    const input = this.input;
    let i = 0;
    while (i < input.length) {
      const char = input[i];
      const atLineStart = i === 0 || input[i - 1] === '\n';
      if (char === '\\' && i + 1 < input.length && input.charCodeAt(i + 1) < 127) {
        this.out += input[i + 1];
        i += 2;
      } else if (char === '*') {
        i = this.toggle('bold', i, 1);
      } else if (input.startsWith('__', i)) {
        i = this.toggle('underline', i, 2);
      } else if (char === '_') {
        i = this.toggle('italic', i, 1);
      } else if (char === '~') {
        i = this.toggle('strikethrough', i, 1);
      } else if (input.startsWith('||', i)) {
        i = this.toggle('spoiler', i, 2);
      } else if (input.startsWith('```', i)) {
        i = this.code(i, '```');
      } else if (char === '`') {
        i = this.code(i, '`');
      } else if (char === '[' || (char === '!' && input[i + 1] === '[')) {
        const type = char === '!' ? 'custom_emoji' : 'text_link';
        this.open.push({ type, offset: this.out.length, inputIndex: i });
        i += char === '!' ? 2 : 1;
      } else if (char === ']' && this.isOpen('text_link', 'custom_emoji')) {
        i = this.closeLink(i);
      } else if (char === '>' && atLineStart) {
        i = this.blockquote(i);
      } else if (V2_RESERVED.includes(char)) {
        throw cantParse(`Character '${char}' is reserved and must be escaped with the preceding '\\'`);
      } else {
        this.out += char;
        i += 1;
      }
    }
    const unclosed = this.open.at(-1);
    if (unclosed) throw this.unterminated(unclosed.type, unclosed.inputIndex);
    return { text: this.out, entities: this.entities };
  }

  private isOpen(...types: string[]): boolean {
    return types.includes(this.open.at(-1)?.type ?? '');
  }

  private toggle(type: SimpleEntityType, index: number, width: number): number {
    const top = this.open.at(-1);
    if (top?.type === type) {
      this.open.pop();
      this.entities.push({ type, offset: top.offset, length: this.out.length - top.offset } as MessageEntity);
    } else if (this.open.some((entity) => entity.type === type)) {
      throw this.unterminated(top?.type ?? type, top?.inputIndex ?? index);
    } else {
      this.open.push({ type, offset: this.out.length, inputIndex: index });
    }
    return index + width;
  }

  /** `code` and ```pre```: only ` and \ are special inside. */
  private code(start: number, fence: string): number {
    let i = start + fence.length;
    let content = '';
    while (i < this.input.length && !this.input.startsWith(fence, i)) {
      if (this.input[i] === '\\' && i + 1 < this.input.length) {
        content += this.input[i + 1];
        i += 2;
      } else {
        content += this.input[i];
        i += 1;
      }
    }
    if (i >= this.input.length) throw this.unterminated(fence === '`' ? 'code' : 'pre', start);
    if (fence === '`') {
      this.entities.push({ type: 'code', offset: this.out.length, length: content.length });
    } else {
      const firstLine = /^([^\s`]+)\n/.exec(content);
      const language = firstLine?.[1];
      if (firstLine) content = content.slice(firstLine[0].length);
      else if (content.startsWith('\n')) content = content.slice(1);
      this.entities.push({ type: 'pre', offset: this.out.length, length: content.length, ...(language ? { language } : {}) });
    }
    this.out += content;
    return i + fence.length;
  }

  private closeLink(index: number): number {
    const link = this.open.pop() as { type: string; offset: number; inputIndex: number };
    if (this.input[index + 1] !== '(') throw this.unterminated(link.type, link.inputIndex);
    let i = index + 2;
    let url = '';
    while (i < this.input.length && this.input[i] !== ')') {
      if (this.input[i] === '\\' && i + 1 < this.input.length) {
        url += this.input[i + 1];
        i += 2;
      } else {
        url += this.input[i];
        i += 1;
      }
    }
    if (i >= this.input.length) throw this.unterminated(link.type, link.inputIndex);
    const length = this.out.length - link.offset;
    if (link.type === 'custom_emoji') {
      const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(url)?.[1];
      if (!id) throw cantParse(`Custom emoji entity must contain a tg://emoji URL at byte offset ${byteOffset(this.input, index)}`);
      this.entities.push({ type: 'custom_emoji', offset: link.offset, length, custom_emoji_id: id });
    } else {
      this.entities.push({ type: 'text_link', offset: link.offset, length, url });
    }
    return i + 1;
  }

  /** `>` at a line start quotes that line; consecutive quoted lines form one blockquote. */
  private blockquote(start: number): number {
    const offset = this.out.length;
    const last = [...this.entities].reverse().find((entity) => entity.type === 'blockquote');
    const continues = last !== undefined && last.offset + last.length + 1 === offset;
    const lineEnd = this.input.indexOf('\n', start);
    const stop = lineEnd < 0 ? this.input.length : lineEnd;
    const nested = new MarkdownV2Parser(this.input.slice(start + 1, stop)).parse();
    for (const entity of nested.entities) this.entities.push({ ...entity, offset: entity.offset + offset });
    this.out += nested.text;
    if (continues && last) last.length += 1 + nested.text.length;
    else this.entities.push({ type: 'blockquote', offset, length: nested.text.length });
    return stop;
  }

  private unterminated(type: string, inputIndex: number): BotApiError {
    const name = V2_NAMES[type] ?? (type === 'code' ? 'Code' : type === 'pre' ? 'Pre' : type);
    return cantParse(`Can't find end of ${name} entity at byte offset ${byteOffset(this.input, inputIndex)}`);
  }
}
