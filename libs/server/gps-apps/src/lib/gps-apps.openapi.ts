import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * The OpenAPI description of the GPS-app routes. They are plain Fastify routes (gps-app.routes.ts), so
 * Nest's decorators cannot describe them; this is what those decorators produced, merged into the
 * document by `configureHttpApp` (`openApiPaths`). Keep it true when a route changes.
 */
export const GPS_APP_OPENAPI_PATHS: OpenAPIObject['paths'] = {
  '/ingest/osmand': {
    get: {
      description: '`id` or `deviceid` = the device key; `lat`+`lon` or `location=lat,lon`; `timestamp` Unix s, Unix ms or ISO (missing = now); `speed` knots; `bearing`/`heading`; `altitude`; `accuracy`/`hdop`; `batt` %.',
      operationId: 'OsmAnd_get',
      parameters: [
        {
          name: 'id',
          required: true,
          in: 'query',
          description: 'The device key',
          schema: {},
        },
      ],
      responses: {
        '200': {
          description: 'Stored',
        },
        '400': {
          description: 'Invalid body, query or path parameter',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ErrorResponseDto',
              },
            },
          },
        },
        '401': {
          description: 'Unknown or disconnected device key: nothing stored',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ErrorResponseDto',
              },
            },
          },
        },
        '429': {
          description: '',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ErrorResponseDto',
              },
            },
          },
        },
      },
      summary: 'OsmAnd protocol point (GET with query fields)',
      tags: [
        'driver',
      ],
      security: [],
    },
    post: {
      operationId: 'OsmAnd_post',
      parameters: [],
      responses: {
        '200': {
          description: 'Stored',
        },
        '401': {
          description: '',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ErrorResponseDto',
              },
            },
          },
        },
        '429': {
          description: '',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ErrorResponseDto',
              },
            },
          },
        },
      },
      summary: 'OsmAnd protocol point (POST: query or form fields, or Traccar Client\'s JSON body)',
      tags: [
        'driver',
      ],
      security: [],
    },
  },
  '/ingest/owntracks': {
    post: {
      description: 'HTTP Basic auth: any user name, password = the device key.',
      operationId: 'OwnTracks_receive',
      parameters: [],
      responses: {
        '200': {
          description: 'An empty array (no messages for the app)',
          content: {
            'application/json': {
              schema: {
                type: 'array',
                items: {},
                example: [],
              },
            },
          },
        },
        '401': {
          description: '',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ErrorResponseDto',
              },
            },
          },
        },
        '429': {
          description: '',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ErrorResponseDto',
              },
            },
          },
        },
      },
      summary: 'OwnTracks message; `_type: location` is stored (vel km/h, cog °, tst Unix s), other types are ignored',
      tags: [
        'driver',
      ],
      security: [],
    },
  },
};
