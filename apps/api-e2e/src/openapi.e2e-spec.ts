import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiClient } from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';

/** The committed contract integrators read; `npm run openapi` rewrites it from the code. */
const COMMITTED_SPEC = resolve(__dirname, '../../api/openapi.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  summary?: string;
  security?: Array<Record<string, unknown>>;
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
type Document = {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  security: Array<Record<string, unknown>>;
  components: {
    schemas: Record<string, { properties?: Record<string, { example?: unknown }> }>;
    securitySchemes: Record<string, { bearerFormat?: string }>;
  };
};

describe('OpenAPI', () => {
  let fresh: FreshApi;
  let document: Document;

  beforeAll(async () => {
    fresh = await startFreshApi('openapi');
    const response = await new ApiClient(fresh.api.baseUrl).get<Document>('/api/docs-json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => fresh?.close());

  it('serves Swagger UI at /api/docs without sign-in', async () => {
    const response = await fetch(`${fresh.api.baseUrl}/api/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger-ui');
  });

  it('matches the committed openapi.json (run `npm run openapi` after changing routes or DTOs)', () => {
    const served = `${JSON.stringify(document, null, 2)}\n`;
    if (process.env['UPDATE_OPENAPI'] === '1') writeFileSync(COMMITTED_SPEC, served);
    expect(JSON.parse(readFileSync(COMMITTED_SPEC, 'utf8'))).toEqual(document);
  });

  it('tags every operation and gives every schema property an example', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (operation) expect({ path, method, tags: operation.tags ?? [] }).toEqual({ path, method, tags: [expect.any(String)] });
      }
    }
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      for (const [property, spec] of Object.entries(schema.properties ?? {})) {
        const nested = '$ref' in spec || 'allOf' in spec || '$ref' in ((spec as { items?: object }).items ?? {});
        if (nested) continue; // a nested schema carries its own examples
        expect({ schema: name, property, hasExample: 'example' in spec }).toEqual({ schema: name, property, hasExample: true });
      }
    }
  });

  it('gives every operation a summary, its 401 when guarded, and only security schemes that exist', () => {
    const schemes = Object.keys(document.components.securitySchemes).sort();
    expect(document.security.flatMap((requirement) => Object.keys(requirement)).sort()).toEqual(schemes);
    // the tokens are opaque, not JWTs
    expect(document.components.securitySchemes['bearer']?.bearerFormat).toBeUndefined();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const route = `${method.toUpperCase()} ${path}`;
        const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
        const unknownSchemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement)).filter((s) => !schemes.includes(s));
        expect({ route, summary: !!operation.summary?.trim(), unknownSchemes, documents401: isPublic || '401' in operation.responses }).toEqual({
          route,
          summary: true,
          unknownSchemes: [],
          documents401: true,
        });
      }
    }
  });

  it('describes CSV, GPX and GeoJSON exports as what they are, not as the JSON schema', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
          for (const [mediaType, media] of Object.entries(response.content ?? {})) {
            if (mediaType.endsWith('json')) continue;
            expect({ route: `${method.toUpperCase()} ${path} ${status} ${mediaType}`, ref: media.schema?.$ref }).toEqual({
              route: `${method.toUpperCase()} ${path} ${status} ${mediaType}`,
              ref: undefined,
            });
          }
        }
      }
    }
    const positions = document.paths['/api/drivers/{id}/positions']?.get;
    expect(Object.keys(positions?.responses['200'].content ?? {}).sort()).toEqual(
      ['application/geo+json', 'application/gpx+xml', 'application/json', 'text/csv'].sort(),
    );
    expect(Object.keys(positions?.responses['404'].content ?? {})).toEqual(['application/json']);
  });

  it('answers 401 without credentials on every operation that is not explicitly public', async () => {
    const anonymous = new ApiClient(fresh.api.baseUrl);
    const checked: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
        if (isPublic) continue;
        const concrete = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await anonymous.request(method.toUpperCase(), concrete, method === 'get' || method === 'delete' ? undefined : {});
        expect({ route: `${method.toUpperCase()} ${path}`, status: response.status }).toEqual({
          route: `${method.toUpperCase()} ${path}`,
          status: 401,
        });
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['get /api/users', 'post /api/tokens', 'get /api/auth/me']));
  });

  it("keeps the public surface to health, config, sign-in and the driver's own token routes", () => {
    const publicOperations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]?.security?.length === 0).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const driverRoutes = [
      'GET /api/join/{token}',
      'POST /api/join/{token}',
      'POST /api/track',
      'DELETE /api/track',
      'GET /api/track/messages',
      'POST /api/track/messages/{messageId}/reply',
      'GET /ingest/osmand',
      'POST /ingest/osmand',
      'POST /ingest/owntracks',
    ];
    expect(publicOperations.sort()).toEqual(
      ['GET /api/config', 'GET /health', 'GET /health/live', 'GET /health/ready', 'POST /api/auth/login', ...driverRoutes].sort(),
    );
    // authenticated by the link token or a device key, never by a session: all under "driver"
    for (const route of driverRoutes) {
      const [method, path] = route.split(' ');
      expect({ route, tags: document.paths[path][method.toLowerCase() as (typeof METHODS)[number]]?.tags }).toEqual({ route, tags: ['driver'] });
    }
  });
});
