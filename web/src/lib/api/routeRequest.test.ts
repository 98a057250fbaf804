import { routes } from '@socle/contract/routes';
import type { RouteDefinition } from '@socle/contract/routeTypes';
import { describe, expect, it } from 'vitest';
import { fillPath, routeRequest } from './routeRequest';

const table: readonly RouteDefinition[] = routes;
const route = (id: string): RouteDefinition => {
  const found = table.find((r) => r.id === id);
  if (!found) throw new Error(`no route ${id}`);
  return found;
};

describe('routeRequest', () => {
  it("takes the method and the path from the route, the parameters encoded in the route's template", () => {
    const request = routeRequest(route('readJuryDossier'), {
      params: { sessionId: 'S 1', dossierId: 'a/b' },
    });
    expect(request.method).toBe('GET');
    expect(request.url).toBe('/jury/sessions/S%201/dossiers/a%2Fb');
    expect(request.headers).toEqual({ Accept: 'application/json' });
    expect(request.body).toBeUndefined();
  });

  it('writes the query, leaving out empty and undefined values', () => {
    const request = routeRequest(route('listDossiers'), {
      query: { status: 'opened', q: '', organismId: undefined, limit: 25 },
    });
    expect(request.url).toBe('/dossiers?status=opened&limit=25');
  });

  it('sends the body as JSON with its content type', () => {
    const request = routeRequest(route('updateDossier'), {
      params: { dossierId: 'D1' },
      body: { version: 3 },
    });
    expect(request.method).toBe('PATCH');
    expect(request.headers['Content-Type']).toBe('application/json');
    expect(request.body).toBe('{"version":3}');
  });

  it('sends the Idempotency-Key on a route that creates, and refuses to send such a call without one', () => {
    const body = { name: 'Réseau' };
    const request = routeRequest(route('createTenant'), { body, idempotencyKey: 'k-1' });
    expect(request.method).toBe('POST');
    expect(request.headers['Idempotency-Key']).toBe('k-1');
    expect(() => routeRequest(route('createTenant'), { body })).toThrow('Idempotency-Key');
  });

  it('sends no Idempotency-Key on a route that does not take one', () => {
    const request = routeRequest(route('reopenDossier'), {
      params: { dossierId: 'D1' },
      body: { version: 1 },
      idempotencyKey: 'k-1',
    });
    expect(request.headers).not.toHaveProperty('Idempotency-Key');
  });

  it("asks for the route's document type when it answers a document, and JSON for a download of JSON", () => {
    const csv = routeRequest(route('getOwnStatementCsv'), {
      params: { month: '2026-11' },
      query: { dialect: 'plain' },
    });
    expect(csv.url).toBe('/statements/2026-11/statement.csv?dialect=plain');
    expect(csv.headers.Accept).toBe('text/csv; charset=utf-8');
    const json = routeRequest(route('exportCandidateData'), { params: { candidateId: 'C1' } });
    expect(json.headers.Accept).toBe('application/json');
  });
});

describe('fillPath', () => {
  it('refuses a template whose parameter is missing rather than calling a wrong URL', () => {
    expect(() => fillPath('/dossiers/{dossierId}', {})).toThrow('missing path parameter dossierId');
    expect(() => fillPath('/dossiers/{dossierId}', { dossierId: '' })).toThrow('dossierId');
  });

  it('fills every route of the contract from parameters named as in its template', () => {
    for (const r of table) {
      const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const params = Object.fromEntries(names.map((n) => [n, `v-${n}`]));
      expect(fillPath(r.path, params), r.id).toBe(r.path.replace(/\{(\w+)\}/g, 'v-$1'));
    }
  });
});
