import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest } from './bot-api-error';

/** Parameters of one call as the double understood them (see `readParams`). */
export type BotApiParams = Record<string, unknown>;

/** A file part of a multipart call, described rather than kept. */
export interface UploadedFile {
  filename: string;
  size: number;
  type: string;
}

export interface BotApiRoute {
  token: string;
  /** as written in the URL; the Bot API matches method names case-insensitively */
  method: string;
}

export interface ReadParams {
  params: BotApiParams;
  /** media type of the body without parameters ("application/json"), or "" when there was no body */
  contentType: string;
}

/**
 * Parameters that carry JSON objects. In JSON bodies they arrive as objects; in urlencoded and
 * multipart bodies as JSON strings, which Telegram decodes — so does the double, so a test can assert
 * on `params.reply_markup.keyboard` whatever the transport was.
 */
const JSON_VALUED = new Set([
  'allowed_updates',
  'caption_entities',
  'commands',
  'entities',
  'link_preview_options',
  'media',
  'menu_button',
  'reply_markup',
  'reply_parameters',
  'results',
  'scope',
]);

/** `/bot<token>/<method>` (also with a trailing slash-less method). null for any other path. */
export function parseRoute(pathname: string): BotApiRoute | null {
  const match = /^\/bot([^/]+)\/([^/]*)$/.exec(pathname);
  if (!match) return null;
  return { token: decodeURIComponent(match[1]), method: match[2] };
}

/**
 * Query string plus body, whichever encoding telegraf (or anything else) chose: JSON for plain calls,
 * multipart when a file is attached, urlencoded from curl-style clients. Body values win over the query.
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<ReadParams> {
  const params: BotApiParams = {};
  for (const [key, value] of url.searchParams) params[key] = decodeFormValue(key, value);

  const body = await readBody(req);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (body.length === 0) return { params, contentType: '' };

  if (contentType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(params, parsed);
  } else if (contentType === 'application/x-www-form-urlencoded') {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = decodeFormValue(key, value);
  } else if (contentType === 'multipart/form-data') {
    Object.assign(params, await readMultipart(body, req.headers['content-type'] ?? ''));
  }
  return { params, contentType };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readMultipart(body: Buffer, contentTypeHeader: string): Promise<BotApiParams> {
  // undici's Request implements RFC 7578 parsing; no need for a hand-written multipart reader
  let form: FormData;
  try {
    form = await new Request('http://bot-api.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentTypeHeader },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    throw badRequest("can't parse multipart/form-data body");
  }
  const params: BotApiParams = {};
  form.forEach((value, key) => {
    params[key] =
      typeof value === 'string'
        ? decodeFormValue(key, value)
        : ({ filename: value.name, size: value.size, type: value.type } satisfies UploadedFile);
  });
  return params;
}

function decodeFormValue(key: string, value: string): unknown {
  if (!JSON_VALUED.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value; // left as sent; the method handler reports it the way Telegram would
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
