/** The first slice end to end through the API: open, find, edit, withdraw, reopen, audit, suspension. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { dossierOpen, organismCreate, userInvite } from '../support/samples.ts';
import { buildWorld, tokenOfLogin } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

describe('Dossiers', () => {
  it('opens a dossier with the consent recorded, the region of the organism and an audit event', async () => {
    const token = world.a.tokens.advisor;
    const response = await api.call('POST', '/dossiers', { token, body: dossierOpen(world.a.organismId) });
    expect(response.status).toBe(201);
    const { dossier, candidate } = response.body;
    expect(dossier).toMatchObject({
      status: 'opened',
      region: '11',
      version: 1,
      advisorId: world.a.userIds.advisor,
    });
    expect(dossier.consent).toMatchObject({ textVersion: '2026-01', recordedBy: world.a.userIds.advisor });
    expect(candidate.lastName).toBe('Öztürk-N’Diaye');
    const audit = await api.call('GET', `/dossiers/${dossier.id}/audit`, { token });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['dossier.opened']);
  });

  it('finds dossiers by name ignoring case and accents, by status and by organism', async () => {
    const token = world.a.tokens.advisor;
    const lastName = `Équipé${randomUUID().slice(0, 4)}`;
    const opened = (
      await api.call('POST', '/dossiers', { token, body: dossierOpen(world.a.organismId, { lastName }) })
    ).body.dossier;
    const byName = await api.call(
      'GET',
      `/dossiers?q=${encodeURIComponent(lastName.toUpperCase().replace('É', 'E'))}`,
      {
        token,
      },
    );
    expect(byName.body.items.map((d: { id: string }) => d.id)).toEqual([opened.id]);
    const byStatus = await api.call('GET', '/dossiers?status=opened&limit=100', { token });
    expect(byStatus.body.items.every((d: { status: string }) => d.status === 'opened')).toBe(true);
    expect(byStatus.body.items.map((d: { id: string }) => d.id)).toContain(opened.id);
    const byOrganism = await api.call(
      'GET',
      `/dossiers?organismId=${world.a.organismId}&status=opened&limit=100`,
      {
        token,
      },
    );
    expect(byOrganism.body.items.map((d: { id: string }) => d.id)).toContain(opened.id);
  });

  it('pages through the list with a cursor, newest first, without repeating an item', async () => {
    const token = world.b.tokens.advisor;
    for (let i = 0; i < 4; i++) {
      await api.call('POST', '/dossiers', { token, body: dossierOpen(world.b.organismId) });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call('GET', `/dossiers?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((d: { id: string }) => d.id));
      cursor = page.body.cursor;
    } while (cursor);
    expect(seen.length).toBe(5);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('withdraws with a reason and reopens in the state the dossier had', async () => {
    const token = world.a.tokens.advisor;
    const { dossier } = (
      await api.call('POST', '/dossiers', { token, body: dossierOpen(world.a.organismId) })
    ).body;
    const withdrawn = await api.call('POST', `/dossiers/${dossier.id}/withdraw`, {
      token,
      body: { version: 1, reason: 'Raisons de santé' },
    });
    expect(withdrawn.body.dossier).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'Raisons de santé',
    });
    const twice = await api.call('POST', `/dossiers/${dossier.id}/withdraw`, {
      token,
      body: { version: 2, reason: 'Encore' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: 'invalid_transition', currentStatus: 'withdrawn' });
    const reopened = await api.call('POST', `/dossiers/${dossier.id}/reopen`, {
      token,
      body: { version: 2 },
    });
    expect(reopened.body.dossier.status).toBe('opened');
    expect(reopened.body.dossier.withdrawalReason).toBeUndefined();
    const audit = await api.call('GET', `/dossiers/${dossier.id}/audit`, { token });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'dossier.reopen',
      'dossier.withdraw',
      'dossier.opened',
    ]);
  });

  it('refuses working time for a job seeker, naming the field', async () => {
    const body = dossierOpen(world.a.organismId);
    body.dossier.candidateStatus = 'job_seeker';
    const response = await api.call('POST', '/dossiers', { token: world.a.tokens.advisor, body });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { path: string }) => f.path)).toContain('dossier.onWorkingTime');
  });

  it('an advisor cannot open a dossier in an organism they do not work for', async () => {
    const other = (
      await api.call('POST', '/organisms', { token: world.a.tokens.admin, body: organismCreate() })
    ).body;
    const response = await api.call('POST', '/dossiers', {
      token: world.a.tokens.advisor,
      body: dossierOpen(other.id),
    });
    expect(response.status).toBe(403);
  });

  it('an advisor of another organism of the same network does not see the dossier', async () => {
    const other = (
      await api.call('POST', '/organisms', { token: world.a.tokens.admin, body: organismCreate() })
    ).body;
    const colleague = (
      await api.call('POST', '/users', {
        token: world.a.tokens.admin,
        body: userInvite(['advisor'], [other.id]),
      })
    ).body;
    const token = await tokenOfLogin(api, colleague.id);
    expect((await api.call('GET', `/dossiers/${world.a.dossierId}`, { token })).status).toBe(404);
    const list = await api.call('GET', '/dossiers?limit=100', { token });
    expect(list.body.items).toEqual([]);
    const filtered = await api.call('GET', `/dossiers?limit=100&organismId=${world.a.organismId}`, { token });
    expect(filtered.body.items).toEqual([]);
    const byStatus = await api.call(
      'GET',
      `/dossiers?limit=100&status=in_training&organismId=${world.a.organismId}`,
      {
        token,
      },
    );
    expect(byStatus.body.items).toEqual([]);
  });

  it('a suspended network reads its dossiers but cannot open or change one, until reactivated', async () => {
    const national = world.nationalToken;
    const tenant = (await api.call('GET', `/tenants/${world.b.tenantId}`, { token: national })).body;
    const suspended = await api.call('POST', `/tenants/${world.b.tenantId}/suspend`, {
      token: national,
      body: { version: tenant.version, reason: 'Audit qualité en cours' },
    });
    expect(suspended.body.status).toBe('suspended');
    const token = world.b.tokens.advisor;
    expect((await api.call('GET', `/dossiers/${world.b.dossierId}`, { token })).status).toBe(200);
    const open = await api.call('POST', '/dossiers', { token, body: dossierOpen(world.b.organismId) });
    expect(open.status).toBe(409);
    expect(open.body.error).toBe('tenant_suspended');
    const edit = await api.call('PATCH', `/dossiers/${world.b.dossierId}`, {
      token,
      body: { version: 1, funding: 'other' },
    });
    expect(edit.status).toBe(409);
    const reactivated = await api.call('POST', `/tenants/${world.b.tenantId}/reactivate`, {
      token: national,
      body: { version: suspended.body.version },
    });
    expect(reactivated.body.status).toBe('active');
    expect(
      (await api.call('POST', '/dossiers', { token, body: dossierOpen(world.b.organismId) })).status,
    ).toBe(201);
  });

  it('refuses a dossier for a certification the network is not habilitated for', async () => {
    const body = dossierOpen(world.a.organismId);
    body.dossier.certification = 'clea-numerique';
    const response = await api.call('POST', '/dossiers', { token: world.a.tokens.advisor, body });
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('not_habilitated');
  });
});

describe('Staff and logins', () => {
  it('an email can hold only one account', async () => {
    const invite = userInvite(['advisor'], [world.a.organismId]);
    expect((await api.call('POST', '/users', { token: world.a.tokens.admin, body: invite })).status).toBe(
      201,
    );
    const again = await api.call('POST', '/users', {
      token: world.b.tokens.admin,
      body: { ...invite, organisms: [world.b.organismId] },
    });
    expect(again.status).toBe(400);
    expect(again.body.fields[0].path).toBe('email');
  });

  it('roles changed by the admin reach the login claims; a user cannot edit their own roles', async () => {
    const updated = await api.call('PATCH', `/users/${world.a.userIds.trainer}`, {
      token: world.a.tokens.admin,
      body: { version: 1, roles: ['trainer', 'advisor'] },
    });
    expect(updated.status).toBe(200);
    const token = await tokenOfLogin(api, world.a.userIds.trainer);
    const me = await api.call('GET', '/me', { token });
    expect(me.body.roles).toEqual(['trainer', 'advisor']);
    expect(me.body.tenant.id).toBe(world.a.tenantId);
    const self = await api.call('PATCH', `/users/${world.a.userIds.trainer}`, {
      token,
      body: { version: 2, roles: ['network_admin'] },
    });
    expect(self.status).toBe(403);
  });

  it('an invitation naming an organism of another network is refused and writes nothing', async () => {
    const invite = userInvite(['advisor'], [world.b.organismId]);
    const response = await api.call('POST', '/users', { token: world.a.tokens.admin, body: invite });
    expect(response.status).toBe(400);
    expect(response.body.fields[0].path).toBe('organisms.0');
    const users = await api.call('GET', '/users', { token: world.a.tokens.admin });
    expect(users.body.items.map((u: { email: string }) => u.email)).not.toContain(invite.email);
  });
});
