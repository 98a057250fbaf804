import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';
import { routes } from '@socle/contract/routes';

describe('Function: openApiDocument', () => {
  const document = openApiDocument();

  it('is an OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('covers every route of the route table exactly once', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('documents request bodies with their required fields', () => {
    const open = document.paths['/dossiers']?.post as {
      requestBody: { content: { 'application/json': { schema: { required: string[] } } } };
    };
    expect(open.requestBody.content['application/json'].schema.required).toEqual(['candidate', 'dossier']);
  });

  it('marks protected routes with the bearer scheme and public ones without', () => {
    const health = document.paths['/health']?.get as { security?: unknown };
    const tenants = document.paths['/tenants']?.get as { security?: unknown };
    expect(health.security).toBeUndefined();
    expect(tenants.security).toEqual([{ bearer: [] }]);
  });
});
