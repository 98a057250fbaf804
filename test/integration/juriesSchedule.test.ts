/**
 * Jury sessions through the API: planning in the region's future, rescheduling, changing the convened
 * members and cancelling until the session opens (each audited), terms covering the session's day,
 * attendance frozen at the first vote with late arrivals and departures applying to the candidates
 * examined after them, conflicts declared once, and the national admin's quorum and majority.
 */
import { keys, listAuditEvents } from '@socle/data';
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

const secretary = () => ({ token: jury.secretary.token });
const plan = async (date = sessionDay('11'), memberIds = [jury.employer.userId, jury.employee.userId]) =>
  expectStatus(
    await api.call('POST', '/jury/sessions', {
      ...secretary(),
      body: { date, startTime: '09:30', place: 'Préfecture, Paris', memberIds },
    }),
    201,
    'plan',
  );

const submittedDossier = () => submitEligible(api, world);

const sessionActions = async (sessionId: string) =>
  (await listAuditEvents({ pk: keys.platformAuditTrail().pk, limit: 200 })).items
    .filter((e) => e.entity.id === sessionId)
    .map((e) => e.action);

describe('Planning, rescheduling and cancelling', () => {
  it('refuses a past date with a 400 naming the field, and a video link that is not https', async () => {
    const past = await api.call('POST', '/jury/sessions', {
      ...secretary(),
      body: {
        date: sessionDay('11', -1),
        startTime: '09:30',
        place: 'Paris',
        memberIds: [jury.employer.userId, jury.employee.userId],
      },
    });
    expect(past.status).toBe(400);
    expect(past.body.fields[0]).toMatchObject({ path: 'date', code: 'session_date_past' });
    const http = await api.call('POST', '/jury/sessions', {
      ...secretary(),
      body: {
        date: sessionDay('11', 3),
        startTime: '09:30',
        videoLink: 'http://visio.example.fr/jury',
        memberIds: [jury.employer.userId, jury.employee.userId],
      },
    });
    expect(http.status).toBe(400);
    expect(http.body.fields[0].path).toBe('videoLink');
  });

  it('refuses a member whose term does not cover the session’s day', async () => {
    const ended = expectStatus(
      await api.call('POST', `/juries/11/members`, {
        token: world.nationalToken,
        body: {
          email: `fin.${Date.now()}@exemple.fr`,
          firstName: 'Paul',
          lastName: 'Sortant',
          role: 'jury_member',
          college: 'employee',
          termFrom: '2025-01-01',
          termTo: sessionDay('11', 2),
          links: [],
        },
      }),
      201,
      'invite',
    );
    const response = await api.call('POST', '/jury/sessions', {
      ...secretary(),
      body: {
        date: sessionDay('11', 10),
        startTime: '09:30',
        place: 'Paris',
        memberIds: [jury.employer.userId, ended.userId],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.fields[0]).toMatchObject({ path: 'memberIds.1', code: 'term_not_covering' });
  });

  it('reschedules and changes the members until it opens, then refuses; each change audited', async () => {
    const session = await plan(sessionDay('11', 5));
    const path = `/jury/sessions/${session.id}`;
    const moved = expectStatus(
      await api.call('PATCH', path, {
        ...secretary(),
        body: {
          version: session.version,
          date: sessionDay('11'),
          startTime: '14:00',
          videoLink: 'https://visio.example.fr/jury',
          memberIds: [jury.employer.userId, jury.employee.userId, jury.bystander.userId],
        },
      }),
      200,
      'reschedule',
    );
    expect(moved).toMatchObject({ date: sessionDay('11'), startTime: '14:00', version: session.version + 1 });
    expect(moved.memberIds).toContain(jury.bystander.userId);
    const toPast = await api.call('PATCH', path, {
      ...secretary(),
      body: { version: moved.version, date: sessionDay('11', -2) },
    });
    expect([toPast.status, toPast.body.fields?.[0]?.path]).toEqual([400, 'date']);
    expectStatus(
      await api.call('PUT', `${path}/attendance`, {
        ...secretary(),
        body: { version: moved.version, presentMemberIds: [jury.employer.userId, jury.employee.userId] },
      }),
      200,
      'attendance',
    );
    const afterOpening = await api.call('PATCH', path, {
      ...secretary(),
      body: { version: moved.version + 1, startTime: '16:00' },
    });
    expect([afterOpening.status, afterOpening.body.error]).toEqual([409, 'session_opened']);
    const cancel = await api.call('POST', `${path}/cancel`, {
      ...secretary(),
      body: { version: moved.version + 1, reason: 'Trop tard' },
    });
    expect([cancel.status, cancel.body.error]).toEqual([409, 'session_opened']);
    expect(await sessionActions(session.id)).toEqual(
      expect.arrayContaining(['jury_session.planned', 'jury_session.rescheduled', 'jury_session.opened']),
    );
  });

  it('cancels with a reason; its agenda goes back to the pipeline; nothing more is recorded on it', async () => {
    const dossier = await submittedDossier();
    const session = await plan(sessionDay('11', 4));
    const path = `/jury/sessions/${session.id}`;
    expectStatus(
      await api.call('POST', `${path}/agenda`, { ...secretary(), body: { dossierIds: [dossier.id] } }),
      200,
      'agenda',
    );
    const noReason = await api.call('POST', `${path}/cancel`, {
      ...secretary(),
      body: { version: session.version },
    });
    expect([noReason.status, noReason.body.fields?.[0]?.path]).toEqual([400, 'reason']);
    const cancelled = expectStatus(
      await api.call('POST', `${path}/cancel`, {
        ...secretary(),
        body: { version: session.version, reason: 'Salle indisponible' },
      }),
      200,
      'cancel',
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Salle indisponible' });
    const back = await api.call('GET', `/dossiers/${dossier.id}`, { token: world.a.tokens.advisor });
    expect(back.body.dossier.status).toBe('eligible');
    const pipeline = await api.call('GET', '/jury/pipeline', secretary());
    const entry = pipeline.body.items.find((e: { dossierId: string }) => e.dossierId === dossier.id);
    expect(entry).toBeDefined();
    expect(entry.sessionId).toBeUndefined();
    const add = await api.call('POST', `${path}/agenda`, {
      ...secretary(),
      body: { dossierIds: [dossier.id] },
    });
    expect([add.status, add.body.error]).toEqual([409, 'session_cancelled']);
    expect(await sessionActions(session.id)).toContain('jury_session.cancelled');
  });
});

describe('Deliberation', () => {
  it('freezes attendance at the first vote; a late arrival votes only on candidates examined after it', async () => {
    const late = await inviteJuryUser(api, world.nationalToken, '11', 'jury_member', 'employer');
    const lateEmployee = await inviteJuryUser(api, world.nationalToken, '11', 'jury_member', 'employee');
    const first = await submittedDossier();
    const second = await submittedDossier();
    const members = [jury.employer, jury.employee, late, lateEmployee];
    const session = await plan(
      sessionDay('11'),
      members.map((m) => m.userId),
    );
    const path = `/jury/sessions/${session.id}`;
    expectStatus(
      await api.call('POST', `${path}/agenda`, {
        ...secretary(),
        body: { dossierIds: [first.id, second.id] },
      }),
      200,
      'agenda',
    );
    const opened = expectStatus(
      await api.call('PUT', `${path}/attendance`, {
        ...secretary(),
        body: { version: session.version, presentMemberIds: [jury.employer.userId, jury.employee.userId] },
      }),
      200,
      'attendance',
    );
    const voteOn = (dossierId: string, token: string, vote: string) =>
      api.call('POST', `${path}/dossiers/${dossierId}/vote`, { token, body: { vote } });
    expectStatus(await voteOn(first.id, jury.employer.token, 'certify'), 200, 'first vote');
    const frozen = await api.call('PUT', `${path}/attendance`, {
      ...secretary(),
      body: {
        version: opened.version,
        presentMemberIds: [jury.employer.userId, jury.employee.userId, late.userId],
      },
    });
    expect([frozen.status, frozen.body.error]).toEqual([409, 'attendance_frozen']);
    // Two members arrive late (one of each college, parity kept), after the first candidate's examination began.
    let current = opened;
    for (const arrival of [late, lateEmployee]) {
      current = expectStatus(
        await api.call('POST', `${path}/movements`, {
          ...secretary(),
          body: { version: current.version, memberId: arrival.userId, kind: 'arrival' },
        }),
        200,
        'arrival',
      );
    }
    const onFirst = await voteOn(first.id, late.token, 'certify');
    expect([onFirst.status, onFirst.body.error]).toEqual([409, 'not_present']);
    expectStatus(
      await voteOn(second.id, late.token, 'certify'),
      200,
      'late member votes on the next candidate',
    );
    const again = await api.call('POST', `${path}/movements`, {
      ...secretary(),
      body: { version: current.version, memberId: late.userId, kind: 'arrival' },
    });
    expect([again.status, again.body.fields?.[0]?.code]).toEqual([400, 'movement_invalid']);
    // The second candidate has four voters: two certify votes are not an absolute majority (three needed).
    expectStatus(await voteOn(second.id, jury.employee.token, 'certify'), 200, 'vote');
    const twoOfFour = await api.call('POST', `${path}/dossiers/${second.id}/decision`, {
      ...secretary(),
      body: { decision: 'certified' },
    });
    expect([twoOfFour.status, twoOfFour.body.error]).toEqual([409, 'no_majority']);
    expectStatus(await voteOn(second.id, lateEmployee.token, 'certify'), 200, 'third vote');
    const decided = expectStatus(
      await api.call('POST', `${path}/dossiers/${second.id}/decision`, {
        ...secretary(),
        body: { decision: 'certified' },
      }),
      200,
      'decide',
    );
    expect(decided.decision).toMatchObject({
      present: expect.arrayContaining(members.map((m) => m.userId)),
      ballots: {
        [late.userId]: 'certify',
        [jury.employee.userId]: 'certify',
        [lateEmployee.userId]: 'certify',
      },
      required: 3,
    });
  });

  it('a conflict declared twice is the same declaration', async () => {
    const dossier = await submittedDossier();
    const session = await plan();
    const path = `/jury/sessions/${session.id}`;
    await api.call('POST', `${path}/agenda`, { ...secretary(), body: { dossierIds: [dossier.id] } });
    const declare = (reason: string) =>
      api.call('POST', `${path}/dossiers/${dossier.id}/conflict`, {
        token: jury.employee.token,
        body: { reason },
      });
    expectStatus(await declare('Voisin du candidat'), 200, 'declare');
    const repeat = expectStatus(await declare('Autre motif'), 200, 'repeat');
    expect(repeat.conflicts).toEqual([expect.objectContaining({ reason: 'Voisin du candidat' })]);
    const long = await declare('x'.repeat(501));
    expect(long.status).toBe(400);
  });

  it('the national admin sets quorum and majority (versioned); jurors read them', async () => {
    const initial = expectStatus(await api.call('GET', '/jury/settings', secretary()), 200, 'read');
    expect(initial).toMatchObject({ minPerCollege: 1, parity: true, majority: 'absolute', version: 0 });
    const refused = await api.call('PUT', '/jury/settings', {
      ...secretary(),
      body: { minPerCollege: 1, parity: true, majority: 'unanimity' },
    });
    expect(refused.status).toBe(403);
    const set = expectStatus(
      await api.call('PUT', '/jury/settings', {
        token: world.nationalToken,
        body: { minPerCollege: 1, parity: true, majority: 'absolute' },
      }),
      200,
      'set',
    );
    expect(set.version).toBe(1);
    const stale = await api.call('PUT', '/jury/settings', {
      token: world.nationalToken,
      body: { minPerCollege: 2, parity: true, majority: 'absolute' },
    });
    expect(stale.status).toBe(409);
  });
});
