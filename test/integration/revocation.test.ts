/**
 * Revocation within a minute (issue 14): a disabled login, a removed role or organism takes effect
 * on the first request once the route wrapper's login cache (60 s) has moved on, through the real
 * handlers on DynamoDB Local. Time is moved with the cache's injected clock, never slept. Before this
 * change a disabled advisor kept reading dossiers for the whole life of their token (an hour in AWS).
 */
import { LOGIN_STATUS_TTL_MS, setLoginStatusClock } from '@socle/data';
import { ulid } from 'ulid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { inviteJuryUser } from '../support/jury.ts';
import { dossierOpen, organismCreate, tenantCreate, unique, userInvite } from '../support/samples.ts';
import { expectStatus, publishClea, tokenOfLogin } from '../support/world.ts';

let api: TestApi;
let nationalToken: string;
let adminToken: string;
let organisms: [string, string];

/** The cache's clock: well past the issue time of every token of this file, moved on by the tests. */
let now = Date.now() + 600_000;
const advance = (ms: number) => {
  now += ms;
};

/** A staff member invited by the network admin, with their token and the version to update them at. */
const invite = async (roles: string[], organismIds: string[]) => {
  const user = expectStatus(
    await api.call('POST', '/users', { token: adminToken, body: userInvite(roles, organismIds) }),
    201,
    'invite user',
  );
  return { id: user.id as string, version: user.version as number, token: await tokenOfLogin(api, user.id) };
};

/** A new candidate each time (the same person twice in a network asks for a confirmation). */
const newDossier = (organismId: string) => dossierOpen(organismId, { lastName: `Martin ${unique()}` });

const changeUser = async (user: { id: string; version: number }, change: Record<string, unknown>) =>
  expectStatus(
    await api.call('PATCH', `/users/${user.id}`, {
      token: adminToken,
      body: { version: user.version, ...change },
    }),
    200,
    'change user',
  );

beforeAll(async () => {
  api = await startTestApi();
  setLoginStatusClock(() => now);
  nationalToken = await api.tokenFor({ userId: ulid(), roles: ['national_admin'] });
  await publishClea(api, nationalToken);
  const tenant = expectStatus(
    await api.call('POST', '/tenants', { token: nationalToken, body: tenantCreate() }),
    201,
    'create tenant',
  );
  const admin = expectStatus(
    await api.call('POST', `/tenants/${tenant.id}/admins`, {
      token: nationalToken,
      body: { email: `admin.${tenant.id.toLowerCase()}@exemple.fr`, firstName: 'Alice', lastName: 'Admin' },
    }),
    201,
    'invite admin',
  );
  adminToken = await tokenOfLogin(api, admin.id);
  const create = async () =>
    expectStatus(
      await api.call('POST', '/organisms', { token: adminToken, body: organismCreate() }),
      201,
      'create organism',
    ).id as string;
  organisms = [await create(), await create()];
});
afterAll(async () => {
  setLoginStatusClock();
  await api.stop();
});
beforeEach(() => advance(LOGIN_STATUS_TTL_MS));

describe('Revocation within a minute', () => {
  it('refuses a disabled user 401 access_revoked once the window has passed', async () => {
    // Prepare
    const advisor = await invite(['advisor'], [organisms[0]]);
    const dossier = expectStatus(
      await api.call('POST', '/dossiers', { token: advisor.token, body: newDossier(organisms[0]) }),
      201,
      'open dossier',
    ).dossier;
    const path = `/dossiers/${dossier.id}`;
    // Act: the network admin disables them through the API.
    await changeUser(advisor, { status: 'disabled' });
    advance(30_000);
    const within = await api.call('GET', path, { token: advisor.token });
    advance(LOGIN_STATUS_TTL_MS - 30_000);
    const after = await api.call('GET', path, { token: advisor.token });
    const me = await api.call('GET', '/me', { token: advisor.token });
    // Assess: the cached login served the request within the window; the next one is refused.
    expect(within.status).toBe(200);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: 'access_revoked' });
    expect(after.body.message).toMatch(/Votre accès a été retiré/);
    expect(me.status).toBe(401);
  });

  it('answers 404 on the dossiers of an organism taken from the user', async () => {
    // Prepare
    const advisor = await invite(['advisor'], organisms);
    const opened = expectStatus(
      await api.call('POST', '/dossiers', { token: advisor.token, body: newDossier(organisms[1]) }),
      201,
      'open dossier',
    ).dossier;
    const path = `/dossiers/${opened.id}`;
    const before = await api.call('GET', path, { token: advisor.token });
    // Act
    await changeUser(advisor, { organisms: [organisms[0]] });
    advance(LOGIN_STATUS_TTL_MS);
    const after = await api.call('GET', path, { token: advisor.token });
    const list = await api.call('GET', '/dossiers?limit=100', { token: advisor.token });
    // Assess
    expect(before.status).toBe(200);
    expect(after.status).toBe(404);
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(opened.id);
  });

  it("answers 403 on a removed role's routes, while the roles kept still work", async () => {
    // Prepare
    const user = await invite(['advisor', 'evaluator'], [organisms[0]]);
    const before = await api.call('POST', '/dossiers', {
      token: user.token,
      body: newDossier(organisms[0]),
    });
    // Act
    await changeUser(user, { roles: ['evaluator'] });
    advance(LOGIN_STATUS_TTL_MS);
    const open = await api.call('POST', '/dossiers', { token: user.token, body: newDossier(organisms[0]) });
    const list = await api.call('GET', '/dossiers', { token: user.token });
    // Assess
    expect(before.status).toBe(201);
    expect(open.status).toBe(403);
    expect(list.status).toBe(200);
  });

  it('refuses a deactivated jury member once the window has passed', async () => {
    // Prepare
    const member = await inviteJuryUser(api, nationalToken, '11', 'jury_member', 'employer');
    const before = await api.call('GET', '/jury/sessions', { token: member.token });
    const listed = expectStatus(
      await api.call('GET', '/juries/11/members', { token: nationalToken }),
      200,
      'list members',
    ).items.find((m: { userId: string }) => m.userId === member.userId);
    // Act: the national admin deactivates them through the API.
    expectStatus(
      await api.call('PATCH', `/juries/11/members/${member.userId}`, {
        token: nationalToken,
        body: { version: listed.version, active: false },
      }),
      200,
      'deactivate member',
    );
    advance(LOGIN_STATUS_TTL_MS);
    const after = await api.call('GET', '/jury/sessions', { token: member.token });
    // Assess
    expect(before.status).toBe(200);
    expect(after.status).toBe(401);
    expect(after.body.error).toBe('access_revoked');
  });

  it('gives a role added since at once to a token issued after it', async () => {
    // Prepare: the cache's clock is the tokens' (real time); the login is cached with one role.
    setLoginStatusClock(() => Date.now());
    const user = await invite(['advisor'], [organisms[0]]);
    const before = await api.call('GET', '/me', { token: user.token });
    await changeUser(user, {
      roles: ['advisor', 'trainer'],
      accreditations: [{ role: 'trainer', certification: 'clea', from: '2024-01-01', to: null }],
    });
    // Act: a new token (the web app's next refresh) carries the role: no minute to wait.
    const fresh = await tokenOfLogin(api, user.id);
    const after = await api.call('GET', '/me', { token: fresh });
    setLoginStatusClock(() => now);
    // Assess
    expect(before.body.roles).toEqual(['advisor']);
    expect(after.status).toBe(200);
    expect(after.body.roles).toEqual(['advisor', 'trainer']);
  });

  it('refuses a token whose login does not exist', async () => {
    const token = await api.issuer.issueAccessToken({
      userId: ulid(),
      email: 'nobody@test.local',
      name: 'Personne',
      tenantId: undefined,
      roles: ['national_admin'],
      organisms: [],
      status: 'active',
    });
    const response = await api.call('GET', '/tenants', { token });
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('access_revoked');
  });

  it('refuses a token that names another network than its login', async () => {
    const user = await invite(['advisor'], [organisms[0]]);
    const elsewhere = await api.issuer.issueAccessToken({
      userId: user.id,
      email: 'x@test.local',
      name: 'X',
      tenantId: ulid(),
      roles: ['advisor'],
      organisms: [organisms[0]],
      status: 'active',
    });
    const response = await api.call('GET', '/me', { token: elsewhere });
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('access_revoked');
  });
});
