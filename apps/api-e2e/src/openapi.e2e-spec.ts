import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiClient } from '@convoy/testing';
import { startFreshApi, type FreshApi } from './support/fresh-api';

/** The committed contract integrators read; `npm run openapi` rewrites it from the code. */
const COMMITTED_SPEC = resolve(__dirname, '../../api/openapi.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  security?: unknown[];
  tags?: string[];
}
type Document = { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>; components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> } };

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

  it('keeps the public surface to health, config and sign-in', () => {
    const publicOperations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]?.security?.length === 0).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(publicOperations.sort()).toEqual(
      ['GET /api/config', 'GET /health', 'GET /health/live', 'GET /health/ready', 'POST /api/auth/login'].sort(),
    );
  });
});
