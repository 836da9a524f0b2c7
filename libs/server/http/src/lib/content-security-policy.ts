import type { AppConfig } from '@convoy/server/config';

export type CspDirectives = Record<string, string[] | null>;

/**
 * The dashboard's CSP (helmet adds its defaults: `object-src 'none'`, `frame-ancestors 'self'`, …).
 * Styles: from self, plus the per-response nonce of the dashboard page (`withStyleNonce`), which
 * Angular puts on the `<style>` elements of its components — no `'unsafe-inline'`. Leaflet and
 * Angular's `[style.x]` bindings set styles through the CSSOM, which CSP does not restrict.
 */
export function cspDirectives(config: Pick<AppConfig, 'publicUrl' | 'tiles'>): CspDirectives {
  return {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:', tileSource(config.tiles.url)],
    styleSrc: ["'self'"],
    scriptSrc: ["'self'"],
    connectSrc: connectSources(config.publicUrl),
    upgradeInsecureRequests: null,
  };
}

export function withStyleNonce(directives: CspDirectives, nonce: string): CspDirectives {
  return { ...directives, styleSrc: [...(directives['styleSrc'] ?? []), `'nonce-${nonce}'`] };
}

/**
 * `'self'` covers this origin's http(s) and ws(s) in current browsers; when PUBLIC_URL names another
 * origin, exactly that origin and its websocket twin are added (never any `ws:`/`wss:` host).
 */
export function connectSources(publicUrl: string | null): string[] {
  if (!publicUrl) return ["'self'"];
  try {
    const { origin, protocol, host } = new URL(publicUrl);
    return ["'self'", origin, `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}`];
  } catch {
    return ["'self'"];
  }
}

/** The tile server's origin for the CSP (`{s}` subdomains become a wildcard). */
function tileSource(tileUrl: string): string {
  const match = tileUrl.match(/^(https?:\/\/[^/]+)/);
  return match ? match[1].replace(/\{s\}/g, '*') : "'self'";
}
