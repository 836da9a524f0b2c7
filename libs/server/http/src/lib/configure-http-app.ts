import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import type { AppConfig } from '@convoy/server/config';
import { cspDirectives } from './content-security-policy';
import { DashboardPage, SEND_DASHBOARD_PAGE } from './dashboard-page';
import { createOpenApiDocument } from './openapi';
import { SpaFallbackFilter } from './spa-fallback.filter';
import { createValidationPipe } from './validation-pipe';

const DOCS_PATH = 'api/docs';
const DOCS_JSON_PATH = 'api/docs-json';

/** Largest request body accepted (Telegram updates are a few KiB). */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The Fastify instance under Nest. `trustProxy` (TRUST_PROXY) decides whose X-Forwarded-For /
 * X-Forwarded-Proto are believed: `request.ip` — the per-address sign-in limit and the logs — is the
 * real client's only when the proxies in front are trusted, and nobody else's claims are.
 */
export function createFastifyAdapter(config: Pick<AppConfig, 'trustProxy'>): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  // every answer names its request id, so a user's report can be matched to the logs
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  return adapter;
}

export interface HttpAppOptions {
  /** The built dashboard (dist/apps/dashboard/browser); served at `/` when it exists. */
  dashboardDir?: string;
  /**
   * Routes only machines call (the Telegram webhook): no browser security headers. Helmet builds its
   * middleware on every request (~4 % of the webhook's CPU) for headers Telegram ignores.
   */
  withoutSecurityHeaders?: string[];
  /** OpenAPI paths of routes registered on Fastify directly, beside Nest (they have no decorators). */
  openApiPaths?: OpenAPIObject['paths'];
}

/**
 * Everything every instance of the API needs around its routes: security headers (except on the
 * `withoutSecurityHeaders` routes), cookies, CORS
 * allow-list, strict validation, OpenAPI at /api/docs, and the dashboard at /.
 */
export async function configureHttpApp(
  app: NestFastifyApplication,
  config: AppConfig,
  options: HttpAppOptions = {},
): Promise<void> {
  const logger = new Logger('Http');
  if (config.trustProxy === true) {
    logger.warn(
      'TRUST_PROXY=true believes X-Forwarded-For from every peer: a client that reaches Convoy without going through ' +
        'your proxy can pick its own address (and its own sign-in limit). Prefer a hop count or the proxies\' addresses.',
    );
  }
  const bare = new Set(options.withoutSecurityHeaders ?? []);
  const directives = cspDirectives(config);
  // before helmet registers its own onRoute hook, which reads the route's `helmet` option
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (bare.has(route.url)) route.helmet = false;
      // Swagger UI's page carries two <style> blocks of its own: only its pages allow inline styles
      else if (route.url.startsWith(`/${DOCS_PATH}`) && !route.url.startsWith(`/${DOCS_JSON_PATH}`)) {
        route.helmet = { contentSecurityPolicy: { directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] } } };
      }
    });
  await app.register(fastifyHelmet, { contentSecurityPolicy: { directives }, crossOriginEmbedderPolicy: false });
  await app.register(fastifyCookie);
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: true });
  app.useGlobalPipes(createValidationPipe());

  SwaggerModule.setup(DOCS_PATH, app, createOpenApiDocument(app, options.openApiPaths), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    customSiteTitle: 'Convoy API',
  });

  if (options.dashboardDir && existsSync(join(options.dashboardDir, 'index.html'))) {
    const page = new DashboardPage(options.dashboardDir, directives);
    if (!page.hasNoncePlaceholder) logger.warn('The dashboard build has no ngCspNonce placeholder: its styles will be blocked by the CSP');
    // index.html only through DashboardPage (it needs its nonce): `/`, `/index.html` and deep links reach the SPA
    // fallback. One route per built file (no wildcard), so `/` is not a directory for the static plugin to refuse.
    app.useStaticAssets({
      root: options.dashboardDir,
      prefix: '/',
      index: false,
      wildcard: false,
      allowedPath: (path: string) => path !== '/index.html',
    });
    app.useGlobalFilters(new SpaFallbackFilter(app.get(HttpAdapterHost).httpAdapter, page));
    // routes of other libs that answer with the dashboard (the join page) send it with its nonce too
    app
      .getHttpAdapter()
      .getInstance()
      .decorateReply(SEND_DASHBOARD_PAGE, function (this: FastifyReply, cacheControl?: 'no-cache' | 'no-store') {
        page.send(this, cacheControl);
      });
  } else if (options.dashboardDir) {
    logger.warn(`No dashboard build in ${options.dashboardDir}: run "npx nx build dashboard" to serve it at /`);
  }
}
