/** Roles, generated from the route table: every protected route refuses every role it does not allow. */
import { roles } from '@socle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';
import { allRoutes, bodyFor, pathIn } from './routeCoverage.ts';

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

describe('Roles (generated from the route table)', () => {
  for (const route of allRoutes.filter((r) => r.scope !== 'public')) {
    const refused = roles.filter((role) => !route.roles?.includes(role));
    it(`${route.method} ${route.path} answers 401 without a token`, async () => {
      const response = await api.call(route.method, pathIn(route, world.a), {
        body: bodyFor(route, world.a),
      });
      expect(response.status).toBe(401);
    });
    for (const role of refused) {
      const refusal = route.scope === 'jury' ? 404 : 403;
      it(`${route.method} ${route.path} answers ${refusal} to ${role}`, async () => {
        const token = await api.tokenFor({
          userId: world.a.userIds.admin,
          tenantId: world.a.tenantId,
          roles: [role],
          organisms: [world.a.organismId],
        });
        const response = await api.call(route.method, pathIn(route, world.a), {
          token,
          body: bodyFor(route, world.a),
        });
        expect(response.status).toBe(refusal);
      });
    }
  }

  for (const route of allRoutes.filter((r) => r.scope === 'public')) {
    it(`${route.method} ${route.path} is public`, async () => {
      const response = await api.call(route.method, pathIn(route, world.a), {
        body: bodyFor(route, world.a),
      });
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    });
  }
});
