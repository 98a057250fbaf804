/**
 * Tenant isolation, generated from the route table: for every tenant-scoped route, a user of network B
 * holding every role the route allows (and even claiming A's organism) cannot reach A's records: 404,
 * and nothing of A changes. Organism scope, generated the same way: every route through which
 * organism-bound staff reach a dossier's data (its certificate included) answers 404 to staff of
 * another organism of the same network, and answers staff of the dossier's organism.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import { organismCreate, unique, userInvite } from '../support/samples.ts';
import { buildWorld, expectStatus, tokenOfLogin } from '../support/world.ts';
import type { World } from '../support/world.ts';
import { ORGANISM_BOUND_ROLES, allRoutes, bodyFor, organismScopedRoutes, pathIn } from './routeCoverage.ts';

let api: TestApi;
let world: World;

/** Everything network A holds, as A's admin sees it. */
const snapshotOfA = async () => {
  const token = world.a.tokens.admin;
  const dossierPath = `/dossiers/${world.a.dossierId}`;
  const responses = await Promise.all(
    [
      '/organisms',
      '/users',
      '/dossiers?limit=100',
      dossierPath,
      `${dossierPath}/audit`,
      `${dossierPath}/evaluations`,
      `${dossierPath}/training-plan`,
    ].map((path) => api.call('GET', path, { token })),
  );
  return responses.map((r) => r.body);
};

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

const tenantRoutes = allRoutes.filter((r) => r.scope === 'tenant');
/** Path parameters that name no record (a month of the caller's own statement): not an isolation key. */
const NON_IDENTIFYING = new Set(['month']);
const namesARecord = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].some(([, name]) => !NON_IDENTIFYING.has(name as string));

describe('Tenant isolation (generated from the route table)', () => {
  it('covers at least one tenant route with a path parameter', () => {
    expect(tenantRoutes.filter((r) => namesARecord(r.path)).length).toBeGreaterThan(5);
  });

  for (const route of tenantRoutes.filter((r) => namesARecord(r.path))) {
    it(`${route.method} ${route.path} answers 404 to another network and changes nothing`, async () => {
      // Prepare
      const before = await snapshotOfA();
      const intruder = await api.tokenFor({
        userId: world.b.userIds.admin,
        tenantId: world.b.tenantId,
        roles: [...(route.roles ?? [])],
        organisms: [world.b.organismId, world.a.organismId],
      });
      // Act
      const response = await api.call(route.method, pathIn(route, world.a), {
        token: intruder,
        body: bodyFor(route, world.b),
      });
      // Assess
      expect(response.status).toBe(404);
      expect(await snapshotOfA()).toEqual(before);
    });
  }

  for (const route of tenantRoutes.filter((r) => !namesARecord(r.path))) {
    it(`${route.method} ${route.path} from another network never shows or touches network A`, async () => {
      const before = await snapshotOfA();
      const token = await api.tokenFor({
        userId: world.b.userIds.admin,
        tenantId: world.b.tenantId,
        roles: [...(route.roles ?? [])],
        organisms: [world.b.organismId],
      });
      const response = await api.call(route.method, pathIn(route, world.b), {
        token,
        body: bodyFor(route, world.b),
      });
      expect(response.status).toBeLessThan(300);
      const text = JSON.stringify(response.body);
      for (const id of [
        world.a.tenantId,
        world.a.organismId,
        world.a.dossierId,
        ...Object.values(world.a.userIds),
      ]) {
        expect(text).not.toContain(id);
      }
      expect(await snapshotOfA()).toEqual(before);
    });
  }

  it('a list cursor forged from another network is refused', async () => {
    const page = await api.call('GET', '/dossiers?limit=1', { token: world.a.tokens.admin });
    await api.call('POST', '/dossiers', {
      token: world.a.tokens.advisor,
      body: (await import('../support/samples.ts')).dossierOpen(world.a.organismId),
    });
    const again = await api.call('GET', '/dossiers?limit=1', { token: world.a.tokens.admin });
    expect(again.body.cursor).toBeDefined();
    const response = await api.call('GET', `/dossiers?limit=1&cursor=${again.body.cursor}`, {
      token: world.b.tokens.admin,
    });
    expect(page.status).toBe(200);
    expect(response.status).toBe(400);
    expect(response.body.fields[0].path).toBe('cursor');
  });
});

describe('Organism scope (generated from the route table)', () => {
  /** Organism-bound staff of network A with every such role, in another organism, and in A's. */
  let outsider: string;
  let insider: string;
  /** A certificate of a dossier of A's organism. */
  let code: string;

  const staffOf = async (organismId: string) => {
    const user = expectStatus(
      await api.call('POST', '/users', {
        token: world.a.tokens.admin,
        body: userInvite([...ORGANISM_BOUND_ROLES], [organismId]),
      }),
      201,
      'invite organism staff',
    );
    return tokenOfLogin(api, user.id);
  };

  /** A's dossier and certificate as A's admin sees them. */
  const snapshot = async () => [
    ...(await snapshotOfA()),
    (await api.call('GET', `/certificates/${code}`, { token: world.a.tokens.admin })).body,
  ];

  beforeAll(async () => {
    const other = expectStatus(
      await api.call('POST', '/organisms', { token: world.a.tokens.admin, body: organismCreate() }),
      201,
      'second organism',
    );
    [outsider, insider] = [await staffOf(other.id), await staffOf(world.a.organismId)];
    const jury = await buildJury(api, world.nationalToken, '11');
    ({ code } = await certifyThroughJury(api, world.a, jury, { lastName: `Portée${unique()}` }));
  });

  it('covers the dossier routes and every certificate route organism-bound staff may call', () => {
    const ids = organismScopedRoutes.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'getDossier',
        'getCertificate',
        'exportCredential',
        'getCertificatePdf',
        'requestPaperCopy',
      ]),
    );
  });

  for (const route of organismScopedRoutes) {
    it(`${route.method} ${route.path} answers 404 to staff of another organism and changes nothing`, async () => {
      // Prepare
      const before = await snapshot();
      // Act
      const response = await api.call(route.method, pathIn(route, world.a, { code }), {
        token: outsider,
        body: bodyFor(route, world.a),
      });
      // Assess
      expect(response.status).toBe(404);
      expect(await snapshot()).toEqual(before);
    });
  }

  for (const route of organismScopedRoutes.filter((r) => r.method === 'GET')) {
    it(`${route.method} ${route.path} answers staff of the dossier's organism`, async () => {
      const response = await api.call(route.method, pathIn(route, world.a, { code }), { token: insider });
      expect(response.status).toBe(200);
    });
  }
});
