/**
 * The role/tenant/organism access matrix, generated from the route table (real HTTP, DynamoDB Local).
 * It completes roles.test.ts (every refused role → 403/404) and isolation.test.ts (tenant records of
 * another network → 404; dossier records of another organism → 404) with what they leave out:
 * - every route is classified by what it names (routeCoverage.ts); one the generator cannot classify
 *   fails here, so a new kind of route cannot slip past the matrix;
 * - every role a route allows passes its role gate: malformed input answers 400, so nothing is written;
 * - certificates reached by code (scope `self`) of another network → 404, and never listed;
 * - jury sessions of another region → 404 on every session route, and nothing changes;
 * - organism-bound staff never list another organism's dossier nor create one in it.
 */
import type { Role } from '@socle/domain';
import type { RouteDefinition } from '@socle/contract/routeTypes';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury, sessionDay } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { organismCreate, unique, userInvite } from '../support/samples.ts';
import { buildWorld, expectStatus, tokenOfLogin } from '../support/world.ts';
import type { World } from '../support/world.ts';
import {
  ORGANISM_BOUND_ROLES,
  allRoutes,
  bodyFor,
  isolationClassOf,
  organismClassOf,
  paramsOf,
  pathIn,
  queryFor,
  requiresQuery,
} from './routeCoverage.ts';

let api: TestApi;
let world: World;
/** Region 11's jury, which certified `code` (a dossier of network A's organism). */
let jury: Jury;
let code: string;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
  ({ code } = await certifyThroughJury(api, world.a, jury, { lastName: `Matrice${unique()}` }));
});
afterAll(() => api.stop());

/** A route's class, or the classifier's refusal (reported by the test that needs it). */
const classified = <T>(classify: (route: RouteDefinition) => T) =>
  allRoutes.flatMap((route) => {
    try {
      return [{ route, value: classify(route) }];
    } catch {
      return [];
    }
  });

/** A token holding only `role`, with the claims that role comes with (network, organism, region). */
const tokenOnlyFor = (role: Role) => {
  const userId = ulid();
  if (role === 'national_admin') return api.tokenFor({ userId, roles: [role] });
  if (role === 'jury_secretary' || role === 'jury_member') {
    return api.tokenFor({ userId, roles: [role], region: '11', college: 'employer' });
  }
  return api.tokenFor({
    userId,
    roles: [role],
    tenantId: world.a.tenantId,
    organisms: [world.a.organismId],
  });
};

/** The route's path with every parameter malformed: its validation refuses it before any lookup. */
const malformedPath = (route: RouteDefinition) =>
  pathIn(route, world.a, Object.fromEntries(paramsOf(route).map((name) => [name, 'x'])));

describe('Access matrix: every route is classified', () => {
  for (const route of allRoutes) {
    it(`${route.method} ${route.path} has an isolation and an organism class`, () => {
      expect(() => isolationClassOf(route)).not.toThrow();
      expect(() => organismClassOf(route)).not.toThrow();
    });
  }

  it('refuses to classify a route it does not know how to check', () => {
    const base = allRoutes.find((r) => r.id === 'getDossier') as RouteDefinition;
    const publicDossier = { ...base, scope: 'public' as const, roles: undefined };
    const unknownParam = { ...base, path: '/dossiers/{dossierId}/notes/{noteId}' };
    const organismStats = {
      ...base,
      lambda: 'stats' as const,
      path: '/stats/organisms',
      method: 'PUT' as const,
    };
    expect(() => isolationClassOf(publicDossier)).toThrow(/cannot classify/);
    expect(() => isolationClassOf(unknownParam)).toThrow(/cannot classify/);
    expect(() => organismClassOf(organismStats)).toThrow(/cannot classify/);
    const tenantForAdmins = allRoutes.find((r) => r.id === 'getTenant') as RouteDefinition;
    expect(() => isolationClassOf({ ...tenantForAdmins, roles: ['network_admin'] })).toThrow(
      /cannot classify/,
    );
  });
});

describe('Access matrix: every role a route allows passes its role gate', () => {
  for (const route of allRoutes.filter((r) => r.scope !== 'public')) {
    for (const role of route.roles ?? []) {
      const hasInput =
        paramsOf(route).length > 0 || route.request?.body !== undefined || requiresQuery(route);
      const expected = hasInput ? 400 : 200;
      it(`${route.method} ${route.path} lets ${role} through (${expected})`, async () => {
        // Prepare: malformed input when there is any, so nothing is looked up or written.
        const token = await tokenOnlyFor(role);
        // Act
        const response = await api.call(route.method, malformedPath(route), {
          token,
          body: route.request?.body ? [] : undefined,
        });
        // Assess
        expect(response.status, JSON.stringify(response.body)).toBe(expected);
      });
    }
  }
});

describe('Access matrix: certificates of another network', () => {
  const byCode = classified(isolationClassOf).filter(
    ({ route, value }) => value === 'candidate-record' && paramsOf(route).includes('code'),
  );
  /** Network B's staff with every role of the route a network may hold (national staff see all). */
  const intruderFor = (route: RouteDefinition) =>
    api.tokenFor({
      userId: world.b.userIds.admin,
      tenantId: world.b.tenantId,
      roles: (route.roles ?? []).filter((role) => role !== 'national_admin'),
      organisms: [world.b.organismId, world.a.organismId],
    });
  const certificateOfA = async () =>
    (await api.call('GET', `/certificates/${code}`, { token: world.a.tokens.admin })).body;

  it('covers every certificate route of network staff', () => {
    expect(byCode.map(({ route }) => route.id)).toEqual(
      expect.arrayContaining(['getCertificate', 'exportCredential', 'getCertificatePdf', 'requestPaperCopy']),
    );
  });

  for (const { route } of byCode) {
    it(`${route.method} ${route.path} answers 404 to network B for A's certificate, changing nothing`, async () => {
      // Prepare
      const before = await certificateOfA();
      // Act
      const response = await api.call(route.method, pathIn(route, world.a, { code }), {
        token: await intruderFor(route),
        body: bodyFor(route, world.b),
      });
      // Assess
      expect(response.status).toBe(404);
      expect(await certificateOfA()).toEqual(before);
    });
  }

  const ownCollections = allRoutes.filter(
    (r) => r.scope === 'self' && r.method === 'GET' && isolationClassOf(r) === 'collection',
  );
  for (const route of ownCollections.filter((r) => r.roles?.includes('network_admin'))) {
    it(`${route.method} ${route.path} shows network B nothing of network A`, async () => {
      const response = await api.call('GET', `${route.path}${queryFor(route)}`, {
        token: world.b.tokens.admin,
      });
      expect(response.status).toBe(200);
      const text = JSON.stringify(response.body);
      for (const id of [code, world.a.tenantId, world.a.organismId, world.a.dossierId, world.a.candidateId]) {
        expect(text).not.toContain(id);
      }
    });
  }
});

describe('Access matrix: jury sessions of another region', () => {
  const sessionRoutes = classified(isolationClassOf).filter(({ value }) => value === 'region-record');
  let sessionId: string;
  const sessionAsSecretary = async () =>
    expectStatus(
      await api.call('GET', `/jury/sessions/${sessionId}`, { token: jury.secretary.token }),
      200,
      'read session',
    );

  beforeAll(async () => {
    const session = expectStatus(
      await api.call('POST', '/jury/sessions', {
        token: jury.secretary.token,
        body: {
          date: sessionDay('11', 30),
          startTime: '09:30',
          place: 'Paris',
          memberIds: [jury.employer.userId, jury.employee.userId],
        },
      }),
      201,
      'plan a session in region 11',
    );
    sessionId = session.id;
  });

  it('covers every session route', () => {
    expect(sessionRoutes.length).toBe(allRoutes.filter((r) => r.path.includes('{sessionId}')).length);
  });

  for (const { route } of sessionRoutes) {
    it(`${route.method} ${route.path} answers 404 to another region's jury, changing nothing`, async () => {
      // Prepare: a jury user of Occitanie with every role the route allows.
      const before = await sessionAsSecretary();
      const outsider = await api.tokenFor({
        userId: ulid(),
        roles: [...(route.roles ?? [])],
        region: '76',
        college: 'employer',
      });
      // Act
      const response = await api.call(route.method, pathIn(route, world.a, { sessionId }), {
        token: outsider,
        body: bodyFor(route, world.a),
      });
      // Assess
      expect(response.status).toBe(404);
      expect(await sessionAsSecretary()).toEqual(before);
    });
  }
});

describe('Access matrix: organism-bound staff and the lists and creations of dossiers', () => {
  /** Staff of network A with every organism-bound role, in a second organism of A (which has no dossier). */
  let outsider: string;
  let otherOrganismId: string;

  beforeAll(async () => {
    const other = expectStatus(
      await api.call('POST', '/organisms', { token: world.a.tokens.admin, body: organismCreate() }),
      201,
      'second organism',
    );
    otherOrganismId = other.id;
    const user = expectStatus(
      await api.call('POST', '/users', {
        token: world.a.tokens.admin,
        body: userInvite([...ORGANISM_BOUND_ROLES], [other.id]),
      }),
      201,
      'invite organism staff',
    );
    outsider = await tokenOfLogin(api, user.id);
  });

  const byClass = (value: string) =>
    classified(organismClassOf)
      .filter((entry) => entry.value === value)
      .map(({ route }) => route);
  const dossiersOfA = async () =>
    (await api.call('GET', '/dossiers?limit=100', { token: world.a.tokens.admin })).body;

  it('covers the dossier list and the dossier opening', () => {
    expect(byClass('organism-filtered-list').map((r) => r.id)).toContain('listDossiers');
    expect(byClass('organism-checked-create').map((r) => r.id)).toContain('openDossier');
  });

  /** The route's answer to the outsider, with its required query and `extra` parameters. */
  const listAsOutsider = (route: RouteDefinition, extra: string) => {
    const query = [queryFor(route).slice(1), extra].filter(Boolean).join('&');
    return api.call('GET', `${route.path}${query ? `?${query}` : ''}`, { token: outsider });
  };

  for (const route of byClass('organism-filtered-list')) {
    it(`${route.method} ${route.path} shows nothing of another organism, even filtered on it`, async () => {
      // Act: the outsider's organism holds no dossier, so everything it may see is empty.
      const unfiltered = await listAsOutsider(route, '');
      const own = await listAsOutsider(route, `organismId=${otherOrganismId}`);
      const foreign = await listAsOutsider(route, `organismId=${world.a.organismId}`);
      // Assess: the same as an empty organism (no item, a zero count, a header-only file), or refused.
      expect(unfiltered.status).toBe(200);
      for (const id of [world.a.dossierId, world.a.candidateId]) {
        expect(JSON.stringify(unfiltered.body)).not.toContain(id);
      }
      if (own.status === 200) expect(unfiltered.body).toEqual(own.body);
      if (foreign.status === 200) expect(foreign.body).toEqual(unfiltered.body);
      else expect([403, 404]).toContain(foreign.status);
    });
  }

  for (const route of byClass('organism-checked-create')) {
    it(`${route.method} ${route.path} refuses a creation in another organism, creating nothing`, async () => {
      // Prepare
      const before = await dossiersOfA();
      // Act: the body names network A's first organism, not the caller's.
      const response = await api.call(route.method, route.path, {
        token: outsider,
        body: bodyFor(route, world.a),
      });
      // Assess
      expect([403, 404]).toContain(response.status);
      expect(await dossiersOfA()).toEqual(before);
    });
  }
});
