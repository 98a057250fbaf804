/**
 * A jury session where closing races agenda edits, votes and decisions, at random interleavings
 * (20 seeds, real data-layer functions on DynamoDB Local): whatever the order, no certificate exists
 * without a recorded majority of the voters, no candidate is adjourned without their votes, and every
 * candidate without a decision is back in the region's pipeline. Also: a session dated tomorrow
 * refuses its deliberation today, in Paris and in La Réunion's time zone.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  addToAgenda,
  closeSession,
  createSession,
  db,
  decide,
  dossierItemOf,
  findDossier,
  getSession,
  keys,
  listAgenda,
  platformScopeFor,
  removeFromAgenda,
  setAttendance,
  tableName,
  transact,
  vote,
} from '@socle/data';
import type { WriteContext } from '@socle/data';
import { DomainError, clockAt } from '@socle/domain';
import type { AgendaEntry, Dossier, Principal } from '@socle/domain';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildJury, sessionDay } from '../support/jury.ts';
import type { Jury, JuryUser } from '../support/jury.ts';
import { dossierOpen } from '../support/samples.ts';
import { buildWorld, evaluate, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

const SEEDS = Number(process.env.SEEDS ?? 20);
const ON_AGENDA = 5;
const EXTRA = 2;

let api: TestApi;
let world: World;
let jury: Jury;
let template: Dossier;
let view: AgendaEntry['view'];

const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const principalOf = (user: JuryUser, role: 'jury_secretary' | 'jury_member', region = '11'): Principal => ({
  userId: user.userId,
  roles: [role],
  organisms: [],
  region,
});
const ctxOf = (principal: Principal, now = new Date()): WriteContext => ({
  principal,
  requestId: `race-${ulid()}`,
  clock: clockAt(now),
});

/** An eligible, fully mastered dossier of network A presented to the jury: its dossier and jury view are the template. */
const submittedTemplate = async () => {
  const opened = expectStatus(
    await api.call('POST', '/dossiers', {
      token: world.a.tokens.advisor,
      body: dossierOpen(world.a.organismId),
    }),
    201,
    'open',
  ).dossier;
  const { dossier } = await evaluate(api, world.a.tokens.evaluator, opened.id, { notAcquired: [] });
  expectStatus(
    await api.call('POST', `/dossiers/${dossier.id}/jury-submission`, {
      token: world.a.tokens.advisor,
      body: { dossierVersion: dossier.version },
    }),
    200,
    'submit',
  );
  const pipeline = await api.call('GET', '/jury/pipeline', { token: jury.secretary.token });
  const entry = pipeline.body.items.find((e: { dossierId: string }) => e.dossierId === dossier.id);
  const stored = await findDossier(platformScopeFor(world.a.tenantId), dossier.id);
  return { dossier: stored as Dossier, view: entry.view };
};

/** Clones of the template written directly: `onAgenda` on the session's agenda, `extra` waiting in the pipeline. */
const seedSession = async (sessionId: string) => {
  const scope = platformScopeFor(world.a.tenantId);
  const put = async (dossier: Dossier, sessionOf?: string) => {
    const items = [
      dossierItemOf(scope, dossier),
      {
        ...keys.pipelineEntry('11', dossier.id),
        itemType: 'PipelineEntry',
        dossierId: dossier.id,
        tenantId: world.a.tenantId,
        region: '11',
        view: { ...view, dossierId: dossier.id },
        submittedAt: new Date().toISOString(),
        ...(sessionOf ? { sessionId: sessionOf } : {}),
      },
      ...(sessionOf
        ? [
            {
              ...keys.agendaEntry(sessionOf, dossier.id),
              itemType: 'AgendaEntry',
              sessionId: sessionOf,
              dossierId: dossier.id,
              tenantId: world.a.tenantId,
              view: { ...view, dossierId: dossier.id },
              conflicts: [],
              votes: {},
              revision: 0,
            },
          ]
        : []),
    ];
    await transact(items.map((Item) => ({ item: { Put: { TableName: tableName(), Item } } })));
  };
  const agenda: string[] = [];
  const extra: string[] = [];
  for (let i = 0; i < ON_AGENDA + EXTRA; i++) {
    const onAgenda = i < ON_AGENDA;
    const dossier: Dossier = {
      ...template,
      id: ulid(),
      status: onAgenda ? 'on_jury_agenda' : 'eligible',
      version: 7,
    };
    await put(dossier, onAgenda ? sessionId : undefined);
    (onAgenda ? agenda : extra).push(dossier.id);
  }
  return { agenda, extra };
};

const certificatesOf = async (sessionId: string) =>
  (
    await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `CERTS#SESSION#${sessionId}` },
      }),
    )
  ).Items ?? [];

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
  ({ dossier: template, view } = await submittedTemplate());
}, 120_000);
afterAll(() => api.stop());

describe('Closing racing agenda edits, votes and decisions', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    it(`seed ${seed}: no certificate without a recorded majority, no adjournment without a vote`, async () => {
      // Prepare: a session today, opened with one member of each college, five candidates on its agenda.
      const random = prng(seed);
      const secretary = principalOf(jury.secretary, 'jury_secretary');
      const members = [principalOf(jury.employer, 'jury_member'), principalOf(jury.employee, 'jury_member')];
      const session = expectStatus(
        await api.call('POST', '/jury/sessions', {
          token: jury.secretary.token,
          body: {
            date: sessionDay('11'),
            startTime: '09:00',
            place: 'Paris',
            memberIds: members.map((m) => m.userId),
          },
        }),
        201,
        'plan',
      );
      const { agenda, extra } = await seedSession(session.id);
      await setAttendance(ctxOf(secretary), session.id, {
        version: session.version,
        presentMemberIds: members.map((m) => m.userId),
      });
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
      const ops: (() => Promise<unknown>)[] = [];
      for (const dossierId of agenda) {
        for (const member of members) {
          ops.push(() => vote(ctxOf(member), session.id, dossierId, random() < 0.7 ? 'certify' : 'adjourn'));
        }
        for (let k = 0; k < 2; k++) {
          const outcome = random() < 0.6 ? 'certified' : 'adjourned';
          ops.push(() =>
            decide(ctxOf(secretary), session.id, dossierId, {
              decision: outcome,
              reason: outcome === 'adjourned' ? 'Mise en situation complémentaire' : null,
            }),
          );
        }
      }
      for (const dossierId of extra) ops.push(() => addToAgenda(ctxOf(secretary), session.id, [dossierId]));
      ops.push(() => removeFromAgenda(ctxOf(secretary), session.id, pick(agenda)));
      ops.push(() => closeSession(ctxOf(secretary), session.id));
      ops.push(() => closeSession(ctxOf(secretary), session.id));
      // Act: every operation at once, each after its own random delay.
      const unexpected: unknown[] = [];
      await Promise.all(
        ops.map(async (op) => {
          await new Promise((resolve) => setTimeout(resolve, random() * 60));
          try {
            await op();
          } catch (error) {
            // Refusals (rule, version, bad input) are the expected losers of a race; anything else is a bug.
            if (!(error instanceof DomainError)) unexpected.push(error);
          }
        }),
      );
      expect(unexpected).toEqual([]);
      const state = await getSession(secretary, session.id);
      if (state.status !== 'closed') await closeSession(ctxOf(secretary), session.id);
      // Assess
      expect((await getSession(secretary, session.id)).status).toBe('closed');
      const entries = await listAgenda(session.id);
      const certificates = await certificatesOf(session.id);
      const voterIds = members.map((m) => m.userId);
      const scope = platformScopeFor(world.a.tenantId);
      for (const entry of entries) {
        const dossier = (await findDossier(scope, entry.dossierId)) as Dossier;
        const decision = entry.decision?.decision;
        const votesFor = (ballot: string) => voterIds.filter((id) => entry.votes[id] === ballot).length;
        if (dossier.status === 'certified') {
          // Both voters (an absolute majority of 2 is 2) voted to certify, and the decision kept their ballots.
          expect(decision).toBe('certified');
          expect(votesFor('certify')).toBe(2);
          expect(entry.decision?.ballots).toEqual(Object.fromEntries(voterIds.map((id) => [id, 'certify'])));
          expect(certificates.filter((c) => c.dossierId === entry.dossierId)).toHaveLength(1);
        } else if (dossier.status === 'adjourned') {
          expect(decision).toBe('adjourned');
          expect(votesFor('adjourn')).toBe(2);
          expect(entry.decision?.reason).toBeTruthy();
        } else {
          // No decision: back in the pipeline, on no session, never adjourned by default.
          expect(dossier.status).toBe('eligible');
          expect(entry.returnedToPipeline).toBe(true);
          expect(certificates.filter((c) => c.dossierId === entry.dossierId)).toHaveLength(0);
        }
        expect(entry.appliedAt).toBeDefined();
      }
      expect(certificates).toHaveLength(entries.filter((e) => e.certificateCode).length);
      for (const c of certificates) expect(c.issuedOn).toBe(session.date);
      // Every seeded dossier is in a final state: none is left on an agenda that no longer exists.
      for (const dossierId of [...agenda, ...extra]) {
        expect((await findDossier(scope, dossierId))?.status).not.toBe('on_jury_agenda');
      }
    }, 60_000);
  }
});

describe('A session dated tomorrow deliberates tomorrow', () => {
  const tomorrowSession = async (j: Jury) =>
    expectStatus(
      await api.call('POST', '/jury/sessions', {
        token: j.secretary.token,
        body: {
          date: sessionDay(j.region, 1),
          startTime: '09:00',
          videoLink: 'https://visio.example.fr/jury',
          memberIds: [j.employer.userId, j.employee.userId],
        },
      }),
      201,
      'plan tomorrow',
    );

  for (const region of ['11', '04']) {
    it(`region ${region}: attendance, decision and closing are refused today, with a French message`, async () => {
      const j = region === '11' ? jury : await buildJury(api, world.nationalToken, region);
      const session = await tomorrowSession(j);
      const path = `/jury/sessions/${session.id}`;
      const attendance = await api.call('PUT', `${path}/attendance`, {
        token: j.secretary.token,
        body: { version: session.version, presentMemberIds: [j.employer.userId, j.employee.userId] },
      });
      expect(attendance.status).toBe(409);
      expect(attendance.body.error).toBe('before_session_date');
      expect(attendance.body.message).toMatch(/n’est pas encore ouverte/);
      expect(attendance.body.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      const close = await api.call('POST', `${path}/close`, { token: j.secretary.token });
      expect(close.body.error).toBe('before_session_date');
      expect(
        (await api.call('GET', path, { token: j.secretary.token })).body.session.openedAt,
      ).toBeUndefined();
    });
  }

  it('La Réunion’s day starts before Paris’s: at 21:00 UTC its session of the next day is open, Paris’s is not', async () => {
    const reunion = await buildJury(api, world.nationalToken, '04');
    const evening = new Date();
    evening.setUTCHours(21, 0, 0, 0);
    const planned = new Date(evening.getTime() - 3_600_000);
    const next = sessionDay('11', 1, planned);
    const plan = async (j: Jury) => {
      return createSession(ctxOf(principalOf(j.secretary, 'jury_secretary', j.region), planned), {
        date: next,
        startTime: '09:00',
        place: 'Salle du conseil',
        memberIds: [j.employer.userId, j.employee.userId],
      });
    };
    const attend = async (j: Jury, sessionId: string) =>
      setAttendance(ctxOf(principalOf(j.secretary, 'jury_secretary', j.region), evening), sessionId, {
        version: 1,
        presentMemberIds: [j.employer.userId, j.employee.userId],
      });
    const paris = await plan(jury);
    const stDenis = await plan(reunion);
    await expect(attend(jury, paris.id)).rejects.toMatchObject({ code: 'before_session_date' });
    await expect(attend(reunion, stDenis.id)).resolves.toMatchObject({ openedAt: evening.toISOString() });
  });
});
