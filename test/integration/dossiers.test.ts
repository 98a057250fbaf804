/**
 * The first slice end to end through the API: open, find, edit, withdraw, reopen, audit, suspension;
 * and the candidate's path rules (SPEC §3): duplicates, withdrawal from the jury pipeline,
 * habilitation (dates, regions) on every write.
 */
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, listPipeline, tableName } from '@socle/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { dossierOpen, organismCreate, userInvite } from '../support/samples.ts';
import { buildWorld, evaluate, tokenOfLogin } from '../support/world.ts';
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

describe("The candidate's path: duplicates, withdrawal from the jury, habilitation on every write", () => {
  const person = () => ({
    firstName: 'Noémie',
    lastName: `Dupré-${randomUUID().slice(0, 6)}`,
    birthDate: '1991-07-14',
  });

  it('a second opening for the same person is refused with their dossier, then opened once confirmed', async () => {
    const token = world.a.tokens.advisor;
    const who = person();
    const first = await api.call('POST', '/dossiers', {
      token,
      body: dossierOpen(world.a.organismId, who, { confirmDuplicate: false }),
    });
    expect(first.status).toBe(201);
    // Same person written differently: case, accents, dash.
    const again = await api.call('POST', '/dossiers', {
      token,
      body: dossierOpen(
        world.a.organismId,
        {
          ...who,
          firstName: 'NOEMIE',
          lastName: who.lastName.toLowerCase().replace('é', 'e').replace('-', ' '),
        },
        { confirmDuplicate: false },
      ),
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('duplicate_candidate');
    expect(again.body.message).toContain('déjà un dossier');
    expect(again.body.existingDossiers).toEqual([
      {
        dossierId: first.body.dossier.id,
        status: 'opened',
        openedAt: first.body.dossier.openedAt,
        certification: 'clea',
      },
    ]);
    const listed = await api.call('GET', `/dossiers?q=${encodeURIComponent(who.lastName)}`, { token });
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([first.body.dossier.id]);

    const confirmed = await api.call('POST', '/dossiers', {
      token,
      body: dossierOpen(world.a.organismId, who, { confirmDuplicate: true }),
    });
    expect(confirmed.status).toBe(201);
    // Another network does not know this person: no duplicate there.
    const elsewhere = await api.call('POST', '/dossiers', {
      token: world.b.tokens.advisor,
      body: dossierOpen(world.b.organismId, who, { confirmDuplicate: false }),
    });
    expect(elsewhere.status).toBe(201);
  });

  it('withdrawing a dossier waiting for the jury takes it out of the region pipeline in the same write', async () => {
    const token = world.a.tokens.advisor;
    const opened = (
      await api.call('POST', '/dossiers', { token, body: dossierOpen(world.a.organismId, person()) })
    ).body.dossier;
    const { dossier: eligible } = await evaluate(api, world.a.tokens.evaluator, opened.id, {
      notAcquired: [],
    });
    const submitted = await api.call('POST', `/dossiers/${opened.id}/jury-submission`, {
      token,
      body: { dossierVersion: eligible.version },
    });
    expect(submitted.status).toBe(200);
    expect((await listPipeline('11')).map((e) => e.dossierId)).toContain(opened.id);

    const withdrawn = await api.call('POST', `/dossiers/${opened.id}/withdraw`, {
      token,
      body: { version: submitted.body.version, reason: 'Déménagement' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.dossier.status).toBe('withdrawn');
    expect(withdrawn.body.dossier.submittedToJuryAt).toBeUndefined();
    expect((await listPipeline('11')).map((e) => e.dossierId)).not.toContain(opened.id);

    // Reopened, it is an eligible dossier that can be presented again.
    const reopened = await api.call('POST', `/dossiers/${opened.id}/reopen`, {
      token,
      body: { version: withdrawn.body.dossier.version },
    });
    expect(reopened.body.dossier.status).toBe('eligible');
    const again = await api.call('POST', `/dossiers/${opened.id}/jury-submission`, {
      token,
      body: { dossierVersion: reopened.body.dossier.version },
    });
    expect(again.status).toBe(200);
    expect((await listPipeline('11')).map((e) => e.dossierId)).toContain(opened.id);
  });

  it('a dossier a session took meanwhile is not withdrawn: 409 on_jury_agenda, nothing written', async () => {
    const token = world.a.tokens.advisor;
    const opened = (
      await api.call('POST', '/dossiers', { token, body: dossierOpen(world.a.organismId, person()) })
    ).body.dossier;
    const { dossier: eligible } = await evaluate(api, world.a.tokens.evaluator, opened.id, {
      notAcquired: [],
    });
    const submitted = (
      await api.call('POST', `/dossiers/${opened.id}/jury-submission`, {
        token,
        body: { dossierVersion: eligible.version },
      })
    ).body;
    // The secretary's agenda write lands between the advisor's read and write: only the pipeline
    // entry carries it yet, so only the withdrawal's own transaction can see it.
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: 'JURY#11', sk: `PIPELINE#${opened.id}` },
        UpdateExpression: 'SET sessionId = :s',
        // A session id as the API writes them (a ULID): stored items are parsed when read.
        ExpressionAttributeValues: { ':s': '01HRACESESS10N000000000000' },
      }),
    );
    const refused = await api.call('POST', `/dossiers/${opened.id}/withdraw`, {
      token,
      body: { version: submitted.version, reason: 'Abandon' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('on_jury_agenda');
    expect(refused.body.message).toContain('ordre du jour');
    const after = (await api.call('GET', `/dossiers/${opened.id}`, { token })).body.dossier;
    expect(after).toMatchObject({ status: 'eligible', version: submitted.version });
    expect((await listPipeline('11')).find((e) => e.dossierId === opened.id)?.sessionId).toBe(
      '01HRACESESS10N000000000000',
    );
    const audit = (await api.call('GET', `/dossiers/${opened.id}/audit`, { token })).body.items;
    expect(audit.map((e: { action: string }) => e.action)).not.toContain('dossier.withdraw');
  });

  it("past the network's habilitation no evaluation, plan change or jury submission is written, until it is renewed", async () => {
    const national = world.nationalToken;
    const network = world.b;
    const opened = (
      await api.call('POST', '/dossiers', {
        token: network.tokens.advisor,
        body: dossierOpen(network.organismId, person()),
      })
    ).body.dossier;
    const toPresent = (
      await api.call('POST', '/dossiers', {
        token: network.tokens.advisor,
        body: dossierOpen(network.organismId, person()),
      })
    ).body.dossier;
    const { dossier: eligible } = await evaluate(api, network.tokens.evaluator, toPresent.id, {
      notAcquired: [],
    });
    const tenant = (await api.call('GET', `/tenants/${network.tenantId}`, { token: national })).body;
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const ended = await api.call('PATCH', `/tenants/${network.tenantId}`, {
      token: national,
      body: { version: tenant.version, habilitationTo: yesterday },
    });
    expect(ended.status).toBe(200);
    try {
      const start = await api.call('POST', `/dossiers/${opened.id}/evaluations`, {
        token: network.tokens.evaluator,
        body: { dossierVersion: opened.version },
      });
      expect(start.status).toBe(409);
      expect(start.body.error).toBe('habilitation_expired');
      const trained = (
        await api.call('GET', `/dossiers/${network.dossierId}`, { token: network.tokens.trainer })
      ).body.dossier;
      const plan = (
        await api.call('GET', `/dossiers/${network.dossierId}/training-plan`, {
          token: network.tokens.trainer,
        })
      ).body;
      const edit = await api.call('PATCH', `/dossiers/${network.dossierId}/training-plan`, {
        token: network.tokens.trainer,
        body: { version: plan.version, objectives: 'Modifié après la fin de l’habilitation' },
      });
      expect(edit.status).toBe(409);
      expect(edit.body.error).toBe('habilitation_expired');
      const unchanged = (
        await api.call('GET', `/dossiers/${network.dossierId}/training-plan`, {
          token: network.tokens.trainer,
        })
      ).body;
      expect(unchanged.version).toBe(plan.version);
      const reread = (
        await api.call('GET', `/dossiers/${network.dossierId}`, { token: network.tokens.trainer })
      ).body.dossier;
      expect(reread.version).toBe(trained.version);
      const audit = (await api.call('GET', `/dossiers/${opened.id}/audit`, { token: network.tokens.advisor }))
        .body.items;
      expect(audit.map((e: { action: string }) => e.action)).toEqual(['dossier.opened']);
      const submission = await api.call('POST', `/dossiers/${toPresent.id}/jury-submission`, {
        token: network.tokens.advisor,
        body: { dossierVersion: eligible.version },
      });
      expect(submission.status).toBe(409);
      expect(submission.body.error).toBe('habilitation_expired');
      expect((await listPipeline('11')).map((e) => e.dossierId)).not.toContain(toPresent.id);
    } finally {
      const current = (await api.call('GET', `/tenants/${network.tenantId}`, { token: national })).body;
      await api.call('PATCH', `/tenants/${network.tenantId}`, {
        token: national,
        body: { version: current.version, habilitationTo: '2030-12-31' },
      });
    }
    const resumed = await api.call('POST', `/dossiers/${opened.id}/evaluations`, {
      token: network.tokens.evaluator,
      body: { dossierVersion: opened.version },
    });
    expect(resumed.status).toBe(201);
  });

  it("outside the network's regions an organism is refused and its dossiers' writes too, until the regions are extended", async () => {
    const national = world.nationalToken;
    const network = world.b;
    const setRegions = async (regions: string[]) => {
      const current = (await api.call('GET', `/tenants/${network.tenantId}`, { token: national })).body;
      return api.call('PATCH', `/tenants/${network.tenantId}`, {
        token: national,
        body: { version: current.version, regions },
      });
    };
    expect((await setRegions(['84'])).status).toBe(200);
    try {
      const organism = await api.call('POST', '/organisms', {
        token: network.tokens.admin,
        body: organismCreate(),
      });
      expect(organism.status).toBe(400);
      expect(organism.body.fields[0]).toMatchObject({ path: 'region', code: 'region_not_habilitated' });
      const inRegion = await api.call('POST', '/organisms', {
        token: network.tokens.admin,
        body: { ...organismCreate(), region: '84' },
      });
      expect(inRegion.status).toBe(201);
      // The existing organism (Île-de-France) is now outside: its dossiers cannot be opened or changed.
      const open = await api.call('POST', '/dossiers', {
        token: network.tokens.advisor,
        body: dossierOpen(network.organismId, person()),
      });
      expect(open.status).toBe(409);
      expect(open.body.error).toBe('region_not_habilitated');
      const edit = await api.call('PATCH', `/dossiers/${network.dossierId}`, {
        token: network.tokens.advisor,
        body: {
          version: (
            await api.call('GET', `/dossiers/${network.dossierId}`, { token: network.tokens.advisor })
          ).body.dossier.version,
          funding: 'other',
        },
      });
      expect(edit.status).toBe(409);
      expect(edit.body.error).toBe('region_not_habilitated');
    } finally {
      expect((await setRegions(['11', '84'])).status).toBe(200);
    }
    const open = await api.call('POST', '/dossiers', {
      token: network.tokens.advisor,
      body: dossierOpen(network.organismId, person()),
    });
    expect(open.status).toBe(201);
  });
});
