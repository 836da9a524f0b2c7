import { isIP } from 'node:net';

/**
 * Which peers may tell Convoy the client's address (X-Forwarded-For) and scheme (X-Forwarded-Proto),
 * in the forms Fastify's `trustProxy` takes: `true` (every peer — only when nothing reaches Convoy
 * except through proxies), a hop count (trust that many proxies in front), or addresses/CIDRs of the
 * proxies (plus proxy-addr's names `loopback`, `linklocal`, `uniquelocal`). `false` or 0 trusts none.
 */
export type TrustProxy = boolean | number | string[];

/** The default: a proxy on the same host (nginx or Caddy in front of a systemd service). */
export const DEFAULT_TRUST_PROXY: TrustProxy = ['loopback'];

export const MAX_TRUST_PROXY_HOPS = 10;

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export const TRUST_PROXY_FORMAT =
  `must be true, false, a hop count from 0 to ${MAX_TRUST_PROXY_HOPS}, or a comma-separated list of proxy addresses / CIDRs ` +
  '(e.g. 10.0.0.0/8,fd00::/8; loopback, linklocal and uniquelocal name those ranges)';

/** TRUST_PROXY's text → Fastify's `trustProxy`; undefined when the text is none of the accepted forms. */
export function parseTrustProxy(text: string): TrustProxy | undefined {
  const value = text.trim();
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= MAX_TRUST_PROXY_HOPS ? hops : undefined;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.length === 0 || entries.some((entry) => !isProxyAddress(entry))) return undefined;
  return entries.map((entry) => (NAMED_RANGES.has(entry.toLowerCase()) ? entry.toLowerCase() : entry));
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry.toLowerCase())) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
