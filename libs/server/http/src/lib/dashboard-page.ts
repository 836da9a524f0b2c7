import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { type CspDirectives, withStyleNonce } from './content-security-policy';

/** In the dashboard's index.html: `<cv-root ngCspNonce="CSP_NONCE">` (the build lower-cases the name). */
const NONCE_PLACEHOLDER = /ngCspNonce="CSP_NONCE"/gi;

/**
 * The name of the reply decoration (`reply.sendDashboardPage()`) that answers with the dashboard page
 * and its nonce, for routes outside this lib that serve the SPA (e.g. `/join/:token`): present only
 * when a dashboard build is served.
 */
export const SEND_DASHBOARD_PAGE = 'sendDashboardPage';

/**
 * The dashboard's index.html, answered with a fresh nonce each time: Angular reads `ngCspNonce` from
 * its root element and puts it on every `<style>` it adds, and this response's CSP allows exactly
 * that nonce — so component styles apply while injected inline styles stay blocked.
 */
export class DashboardPage {
  private readonly template: string;

  constructor(
    dashboardDir: string,
    private readonly directives: CspDirectives,
  ) {
    this.template = readFileSync(join(dashboardDir, 'index.html'), 'utf8');
  }

  /** Whether the built page carries the placeholder (else its component styles would be blocked). */
  get hasNoncePlaceholder(): boolean {
    return new RegExp(NONCE_PLACEHOLDER.source, 'i').test(this.template);
  }

  /** `cacheControl`: `no-store` for a page that shows a link's state (the join page). */
  send(reply: FastifyReply, cacheControl: 'no-cache' | 'no-store' = 'no-cache'): void {
    const nonce = randomBytes(16).toString('base64');
    // helmet again for this reply: the same headers, the CSP with this nonce added
    reply.helmet({ contentSecurityPolicy: { directives: withStyleNonce(this.directives, nonce) }, crossOriginEmbedderPolicy: false });
    reply
      .header('cache-control', cacheControl)
      .type('text/html; charset=utf-8')
      .send(this.template.replace(NONCE_PLACEHOLDER, `ngCspNonce="${nonce}"`));
  }
}
