import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CONVOY_VERSION, SESSION_COOKIE } from '@convoy/contracts';
import { PUBLIC_EXTENSION } from '@convoy/server/auth';

/**
 * The OpenAPI document, generated from the controllers' decorators. Every operation needs the
 * bearer token or the session cookie except those marked @Public(), which get `security: []`.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Convoy API')
    .setDescription(
      'Live driver tracking. Sign in with `POST /api/auth/login` (session cookie) or send an integrator ' +
        'token from `/api/tokens` as `Authorization: Bearer <token>`.',
    )
    .setVersion(CONVOY_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Access token from login, or an API token' }, 'bearer')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('session')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (operation && typeof operation === 'object' && PUBLIC_EXTENSION in operation) {
        (operation as { security?: unknown[] }).security = [];
        delete (operation as Record<string, unknown>)[PUBLIC_EXTENSION];
      }
    }
  }
  return document;
}
