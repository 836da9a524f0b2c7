import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CONVOY_VERSION, SESSION_COOKIE } from '@convoy/contracts';
import { PUBLIC_EXTENSION } from '@convoy/server/auth';

const ERROR_BODY = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } };
/** What every guarded operation can answer, added where a controller does not say it itself. */
const GUARDED_RESPONSES = {
  '401': { description: 'No valid session cookie or bearer token', content: ERROR_BODY },
};
/** What the global ValidationPipe and the UUID pipes answer for malformed input. */
const INVALID_INPUT = { '400': { description: 'Invalid body, query or path parameter', content: ERROR_BODY } };

type Operation = { security?: unknown[]; parameters?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> };

/**
 * The OpenAPI document, generated from the controllers' decorators. Every operation needs the
 * bearer token or the session cookie except those marked @Public(), which get `security: []`;
 * guarded operations document their 401, and operations that take input their 400. `extraPaths`
 * describes routes registered on Fastify directly (no decorators to read).
 */
export function createOpenApiDocument(app: INestApplication, extraPaths: OpenAPIObject['paths'] = {}): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Convoy API')
    .setDescription(
      'Live driver tracking. Sign in with `POST /api/auth/login` (session cookie) or send an integrator ' +
        'token from `/api/tokens` as `Authorization: Bearer <token>`.',
    )
    .setVersion(CONVOY_VERSION)
    // the tokens are opaque random strings, not JWTs (Nest's default bearerFormat)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: undefined, description: 'Access token from login, or an API token' }, 'bearer')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('session')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const op = operation as Operation;
      if (PUBLIC_EXTENSION in op) {
        op.security = [];
        delete (op as Record<string, unknown>)[PUBLIC_EXTENSION];
      } else {
        op.responses = { ...GUARDED_RESPONSES, ...op.responses };
      }
      if (op.requestBody || op.parameters?.length) op.responses = { ...INVALID_INPUT, ...op.responses };
    }
  }
  // plain Fastify routes beside Nest (GPS-app ingest) bring their own, final description
  document.paths = { ...document.paths, ...extraPaths };
  return document;
}
