/**
 * Bad input, generated from the route table: malformed bodies, path parameters and query strings
 * get a 4xx naming the field, never a 5xx, and write nothing.
 */
import fc from 'fast-check';
import type * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';
import { allRoutes, bodyFor, pathIn } from './routeCoverage.ts';

let api: TestApi;
let world: World;

const tokenFor = (route: (typeof allRoutes)[number]) =>
  api.tokenFor({
    userId: route.roles?.includes('advisor') ? world.a.userIds.advisor : world.a.userIds.admin,
    tenantId: world.a.tenantId,
    roles: [...(route.roles ?? [])],
    organisms: [world.a.organismId],
  });

const dossierCount = async () =>
  (await api.call('GET', '/dossiers?limit=100', { token: world.a.tokens.admin })).body.items.length;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

describe('Bad input (generated from the route table)', () => {
  for (const route of allRoutes.filter((r) => r.request?.body)) {
    it(`${route.method} ${route.path}: any malformed JSON body is a 4xx naming a field`, async () => {
      const token = await tokenFor(route);
      const before = await dossierCount();
      await fc.assert(
        fc.asyncProperty(fc.anything({ maxDepth: 3 }), async (body) => {
          const response = await api.call(route.method, pathIn(route, world.a), {
            token,
            body: body ?? null,
          });
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          if (response.status === 400) {
            expect(response.body.fields.length).toBeGreaterThan(0);
            expect(typeof response.body.fields[0].path).toBe('string');
          }
        }),
        { numRuns: 20, seed: 42 },
      );
      expect(await dossierCount()).toBe(before);
    });

    it(`${route.method} ${route.path}: a body that is not JSON is a 400 on "body"`, async () => {
      const token = await tokenFor(route);
      const response = await api.call(route.method, pathIn(route, world.a), { token, rawBody: '{"name": ' });
      expect(response.status).toBe(400);
      expect(response.body.fields[0].path).toBe('body');
    });

    it(`${route.method} ${route.path}: each required field missing is named`, async () => {
      const token = await tokenFor(route);
      const valid = bodyFor(route, world.a) as Record<string, unknown>;
      for (const field of Object.keys(valid)) {
        const { [field]: _removed, ...partial } = valid;
        const response = await api.call(route.method, pathIn(route, world.a), { token, body: partial });
        if (response.status === 400) {
          expect(response.body.fields.map((f: { path: string }) => f.path.split('.')[0])).toContain(field);
        } else {
          // Optional field: the request is valid without it (any outcome but a server error).
          expect(response.status).toBeLessThan(500);
        }
      }
    });
  }

  for (const route of allRoutes.filter((r) => r.request?.params)) {
    it(`${route.method} ${route.path}: a malformed id is a 400 naming the parameter`, async () => {
      const token = await tokenFor(route);
      const name = Object.keys(route.request?.params?.shape ?? {})[0] as string;
      const path = pathIn({ ...route, path: route.path.replace(`{${name}}`, 'pas-un-identifiant') }, world.a);
      const response = await api.call(route.method, path, { token, body: bodyFor(route, world.a) });
      expect(response.status).toBe(400);
      if (route.scope === 'public' && name === 'code') {
        // The public verification contract: a bare `invalid_code`, the field being the only one.
        expect(response.body).toEqual({ error: 'invalid_code' });
      } else {
        expect(response.body.fields.map((f: { path: string }) => f.path)).toContain(name);
      }
    });
  }

  for (const route of allRoutes.filter((r) => r.request?.query)) {
    it(`${route.method} ${route.path}: a malformed query is a 400 naming the parameter`, async () => {
      const token = await tokenFor(route);
      // The first parameter this value breaks (too long for strings, not a number, not in an enum).
      const bad = 'x'.repeat(3000);
      const shape = route.request?.query?.shape ?? {};
      const name = Object.keys(shape).find(
        (key) => !(shape[key] as z.ZodType).safeParse(bad).success,
      ) as string;
      const response = await api.call(route.method, `${pathIn(route, world.a)}?${name}=${bad}`, { token });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((f: { path: string }) => f.path)).toContain(name);
    });
  }
});
