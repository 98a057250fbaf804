/**
 * Regional juries through the API: submission, agenda, the restricted projection and its audit,
 * quorum and conflicts, decisions, closing, and who may see what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import {
  buildJury,
  inviteJuryUser,
  sessionDay,
  submittedDossier as submitEligible,
} from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
let jury: Jury;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
});
afterAll(() => api.stop());

const submittedDossier = () => submitEligible(api, world);

/** A session held today in Île-de-France (deliberation happens on the session's day). */
const planSession = async (
  memberIds = [jury.employer.userId, jury.employee.userId],
  date = sessionDay('11'),
) =>
  expectStatus(
    await api.call('POST', '/jury/sessions', {
      token: jury.secretary.token,
      body: { date, startTime: '09:30', place: 'Préfecture, Paris', memberIds },
    }),
    201,
    'plan session',
  );

const sessionPath = (sessionId: string) => `/jury/sessions/${sessionId}`;

describe('From submission to certificate', () => {
  it('a network presents an eligible dossier; the secretary finds it in the pipeline', async () => {
    const dossier = await submittedDossier();
    expect(dossier.submittedToJuryAt).toBeDefined();
    const pipeline = await api.call('GET', '/jury/pipeline', { token: jury.secretary.token });
    const entry = pipeline.body.items.find((e: { dossierId: string }) => e.dossierId === dossier.id);
    expect(entry.view).toMatchObject({ allDomainsMastered: true, networkName: 'Réseau A', region: '11' });
    expect(JSON.stringify(entry.view)).not.toMatch(/lukasz@example\.org|06 12 34 56 78|75011/);
  });

  it('refuses to present a dossier that is not eligible', async () => {
    const response = await api.call('POST', `/dossiers/${world.a.dossierId}/jury-submission`, {
      token: world.a.tokens.advisor,
      body: { dossierVersion: 1 },
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('not_eligible');
  });

  it('agenda, attendance, votes and decision, then closing issues exactly one certificate', async () => {
    const dossier = await submittedDossier();
    const session = await planSession();
    const path = sessionPath(session.id);
    const withAgenda = await api.call('POST', `${path}/agenda`, {
      token: jury.secretary.token,
      body: { dossierIds: [dossier.id] },
    });
    expect(withAgenda.body.agenda.map((e: { dossierId: string }) => e.dossierId)).toEqual([dossier.id]);
    const onAgenda = await api.call('GET', `/dossiers/${dossier.id}`, { token: world.a.tokens.advisor });
    expect(onAgenda.body.dossier.status).toBe('on_jury_agenda');

    const read = await api.call('GET', `${path}/dossiers/${dossier.id}`, { token: jury.employer.token });
    expect(read.status).toBe(200);
    expect(read.body.view.domains).toHaveLength(7);
    const audit = await api.call('GET', `/dossiers/${dossier.id}/audit`, { token: world.a.tokens.advisor });
    // Network staff see that the jury examined the dossier, never which juror.
    const examined = audit.body.items.filter(
      (e: { action: string }) => e.action === 'dossier.examined_by_jury',
    );
    expect(examined).toHaveLength(1);
    expect(examined[0].actor).toEqual({ userId: 'jury', name: 'Le jury', roles: [] });
    const juryIds = [jury.employer.userId, jury.employee.userId, jury.secretary.userId];
    for (const id of juryIds) expect(JSON.stringify(audit.body.items)).not.toContain(id);

    const noQuorum = await api.call('POST', `${path}/dossiers/${dossier.id}/decision`, {
      token: jury.secretary.token,
      body: { decision: 'certified' },
    });
    expect(noQuorum.status).toBe(409);
    expect(noQuorum.body.error).toBe('no_quorum');

    await api.call('PUT', `${path}/attendance`, {
      token: jury.secretary.token,
      body: { version: session.version, presentMemberIds: [jury.employer.userId, jury.employee.userId] },
    });
    const noMajority = await api.call('POST', `${path}/dossiers/${dossier.id}/decision`, {
      token: jury.secretary.token,
      body: { decision: 'certified' },
    });
    expect(noMajority.body.error).toBe('no_majority');
    for (const member of [jury.employer, jury.employee]) {
      const voted = await api.call('POST', `${path}/dossiers/${dossier.id}/vote`, {
        token: member.token,
        body: { vote: 'certify' },
      });
      expect(voted.status).toBe(200);
    }
    const decided = await api.call('POST', `${path}/dossiers/${dossier.id}/decision`, {
      token: jury.secretary.token,
      body: { decision: 'certified' },
    });
    expect(decided.body.decision).toMatchObject({ decision: 'certified', votes: { certify: 2, adjourn: 0 } });
    const lateConflict = await api.call('POST', `${path}/dossiers/${dossier.id}/conflict`, {
      token: jury.employee.token,
      body: { reason: 'Déclaré après la décision' },
    });
    expect(lateConflict.status).toBe(409);
    expect(lateConflict.body.error).toBe('decided');

    const closed = await api.call('POST', `${path}/close`, { token: jury.secretary.token });
    expect(closed.body).toMatchObject({
      certified: 1,
      adjourned: 0,
      remaining: 0,
      session: { status: 'closed' },
    });
    const again = await api.call('POST', `${path}/close`, { token: jury.secretary.token });
    expect(again.body).toMatchObject({ appliedNow: 0, session: { status: 'closed' } });
    const certified = (await api.call('GET', `/dossiers/${dossier.id}`, { token: world.a.tokens.advisor }))
      .body.dossier;
    expect(certified.status).toBe('certified');
    expect(certified.certificateCode).toMatch(/^CLEA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-.$/);
    const frozen = await api.call('POST', `${path}/dossiers/${dossier.id}/vote`, {
      token: jury.employee.token,
      body: { vote: 'adjourn' },
    });
    expect(frozen.status).toBe(409);
  });

  it('an adjourned dossier needs a reason, and can go back to training or onto a later agenda', async () => {
    const dossier = await submittedDossier();
    const session = await planSession();
    const path = sessionPath(session.id);
    await api.call('POST', `${path}/agenda`, {
      token: jury.secretary.token,
      body: { dossierIds: [dossier.id] },
    });
    await api.call('PUT', `${path}/attendance`, {
      token: jury.secretary.token,
      body: { version: session.version, presentMemberIds: [jury.employer.userId, jury.employee.userId] },
    });
    const noReason = await api.call('POST', `${path}/dossiers/${dossier.id}/decision`, {
      token: jury.secretary.token,
      body: { decision: 'adjourned' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields[0].path).toBe('reason');
    const reason = 'Le jury souhaite une mise en situation complémentaire.';
    const unvoted = await api.call('POST', `${path}/dossiers/${dossier.id}/decision`, {
      token: jury.secretary.token,
      body: { decision: 'adjourned', reason },
    });
    expect(unvoted.status).toBe(409);
    expect(unvoted.body.error).toBe('no_majority');
    for (const member of [jury.employer, jury.employee]) {
      expectStatus(
        await api.call('POST', `${path}/dossiers/${dossier.id}/vote`, {
          token: member.token,
          body: { vote: 'adjourn' },
        }),
        200,
        'vote',
      );
    }
    expectStatus(
      await api.call('POST', `${path}/dossiers/${dossier.id}/decision`, {
        token: jury.secretary.token,
        body: { decision: 'adjourned', reason },
      }),
      200,
      'adjourn',
    );
    await api.call('POST', `${path}/close`, { token: jury.secretary.token });
    const adjourned = (await api.call('GET', `/dossiers/${dossier.id}`, { token: world.a.tokens.advisor }))
      .body.dossier;
    expect(adjourned.status).toBe('adjourned');
    expect(adjourned.juryDecision).toEqual({
      decision: 'adjourned',
      reason: 'Le jury souhaite une mise en situation complémentaire.',
      sessionDate: session.date,
    });
    const again = await api.call('POST', `/dossiers/${dossier.id}/jury-submission`, {
      token: world.a.tokens.advisor,
      body: { dossierVersion: adjourned.version },
    });
    expect(again.status).toBe(200);
    expect(again.body.juryPresentations).toBe(2);
  });
});

describe('Conflicts of interest', () => {
  it('a member linked to the evaluating organism cannot vote on that candidate', async () => {
    const linked = await inviteJuryUser(api, world.nationalToken, '11', 'jury_member', 'employer', [
      { tenantId: world.a.tenantId, organismId: world.a.organismId },
    ]);
    const dossier = await submittedDossier();
    const session = await planSession([linked.userId, jury.employee.userId]);
    const path = sessionPath(session.id);
    await api.call('POST', `${path}/agenda`, {
      token: jury.secretary.token,
      body: { dossierIds: [dossier.id] },
    });
    await api.call('PUT', `${path}/attendance`, {
      token: jury.secretary.token,
      body: { version: session.version, presentMemberIds: [linked.userId, jury.employee.userId] },
    });
    const read = await api.call('GET', `${path}/dossiers/${dossier.id}`, { token: linked.token });
    expect(read.body.conflictedMemberIds).toEqual([linked.userId]);
    const vote = await api.call('POST', `${path}/dossiers/${dossier.id}/vote`, {
      token: linked.token,
      body: { vote: 'certify' },
    });
    expect(vote.status).toBe(409);
    expect(vote.body.error).toBe('conflicted');
  });

  it('a declared conflict also blocks the vote', async () => {
    const dossier = await submittedDossier();
    const session = await planSession();
    const path = sessionPath(session.id);
    await api.call('POST', `${path}/agenda`, {
      token: jury.secretary.token,
      body: { dossierIds: [dossier.id] },
    });
    await api.call('PUT', `${path}/attendance`, {
      token: jury.secretary.token,
      body: { version: session.version, presentMemberIds: [jury.employer.userId, jury.employee.userId] },
    });
    await api.call('POST', `${path}/dossiers/${dossier.id}/conflict`, {
      token: jury.employee.token,
      body: { reason: 'Le candidat est un voisin.' },
    });
    const vote = await api.call('POST', `${path}/dossiers/${dossier.id}/vote`, {
      token: jury.employee.token,
      body: { vote: 'adjourn' },
    });
    expect(vote.body.error).toBe('conflicted');
  });
});

describe('Who sees a session', () => {
  it('a member of another region, a member not on the session and any network user get 404', async () => {
    const dossier = await submittedDossier();
    const session = await planSession();
    const path = `${sessionPath(session.id)}/dossiers/${dossier.id}`;
    await api.call('POST', `${sessionPath(session.id)}/agenda`, {
      token: jury.secretary.token,
      body: { dossierIds: [dossier.id] },
    });
    const foreign = await buildJury(api, world.nationalToken, '84');
    const callers = [
      foreign.secretary.token,
      foreign.employer.token,
      jury.bystander.token,
      world.a.tokens.advisor,
      world.a.tokens.admin,
      world.b.tokens.admin,
    ];
    for (const token of callers) {
      expect((await api.call('GET', path, { token })).status).toBe(404);
      expect((await api.call('GET', sessionPath(session.id), { token })).status).toBe(404);
    }
    expect((await api.call('GET', path, { token: jury.employer.token })).status).toBe(200);
    const sessions = await api.call('GET', '/jury/sessions', { token: jury.bystander.token });
    expect(sessions.body.items.map((s: { id: string }) => s.id)).not.toContain(session.id);
  });
});
