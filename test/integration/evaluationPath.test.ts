/**
 * The evaluation and training path through the API, against DynamoDB Local: référentiel versions,
 * accreditation, the 7 h / 3 h / 5-year limits at their boundaries, the server-side outcome,
 * independence of trainer and evaluator, the final evaluation's scope and union, expiry.
 */
import {
  createTrainingPlan as createTrainingPlanAt,
  openDossier as openDossierAt,
  actingOn,
  platformScopeFor,
  startEvaluation as startEvaluationAt,
  sweepExpiredDossiers,
} from '@socle/data';
import { addDays, addMonths, clockAt, regionToday } from '@socle/domain';
import type { DossierOpen, Principal } from '@socle/domain';
import fixture from '@socle/domain/fixtures/clea-numerique.fixture.json' with { type: 'json' };
import { shippedClea, shippedCleaNumerique } from '@socle/domain/shipped';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { dossierOpen, userInvite } from '../support/samples.ts';
import { buildWorld, evaluate, expectStatus, gridWith, tokenOfLogin } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
// The sample organism's day (Île-de-France): sequences are judged in the dossier's region.
const today = regionToday('11', new Date());

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

const openDossier = async () =>
  expectStatus(
    await api.call('POST', '/dossiers', {
      token: world.a.tokens.advisor,
      body: dossierOpen(world.a.organismId),
    }),
    201,
    'open',
  ).dossier;

const startPreliminary = async (dossierId: string, token = world.a.tokens.evaluator) => {
  const dossier = (await api.call('GET', `/dossiers/${dossierId}`, { token })).body.dossier;
  return api.call('POST', `/dossiers/${dossierId}/evaluations`, {
    token,
    body: { dossierVersion: dossier.version },
  });
};

const dayBefore = (isoDate: string) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const sequence = (durationMinutes: number, date = today) => ({
  date,
  start: '09:00',
  durationMinutes,
  mode: 'on_site',
});

describe('Référentiel versions', () => {
  it('reports every problem of an imported file with its JSON path', async () => {
    const broken = structuredClone(shippedClea) as {
      domains: { subdomains: { criteria: { code: string }[] }[] }[];
    };
    (broken.domains[2]?.subdomains[0]?.criteria[0] as { code: string }).code = '1.1.1';
    const response = await api.call('POST', '/referentiels', {
      token: world.nationalToken,
      body: { document: broken },
    });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { path: string }) => f.path)).toContain(
      'document.domains[2].subdomains[0].criteria[0].code',
    );
  });

  it('freezes a published version', async () => {
    const ref = await api.call('GET', `/referentiels/${world.referentielId}`, { token: world.nationalToken });
    expect(ref.body).toMatchObject({ status: 'published', current: true, counts: { criteria: 107 } });
    const edit = await api.call('PATCH', `/referentiels/${world.referentielId}`, {
      token: world.nationalToken,
      body: { version: ref.body.version, thresholds: { '1.1': { minAcquired: 1, mandatory: [] } } },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toBe('referentiel_published');
  });

  it('refuses thresholds that cannot be met, naming the sub-domain', async () => {
    const draft = (
      await api.call('POST', '/referentiels', { token: world.nationalToken, body: { document: shippedClea } })
    ).body;
    const response = await api.call('PATCH', `/referentiels/${draft.id}`, {
      token: world.nationalToken,
      body: { version: 1, thresholds: { '1.1': { minAcquired: 5, mandatory: ['2.1.1'] } } },
    });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { path: string }) => f.path)).toEqual([
      'thresholds.1.1.minAcquired',
      'thresholds.1.1.mandatory.0',
    ]);
  });

  it('a dossier keeps the version it was opened under when a new one is published', async () => {
    const before = await openDossier();
    const draft = (
      await api.call('POST', '/referentiels', { token: world.nationalToken, body: { document: shippedClea } })
    ).body;
    await api.call('POST', `/referentiels/${draft.id}/publish`, {
      token: world.nationalToken,
      body: { version: 1 },
    });
    const after = await openDossier();
    const reread = (await api.call('GET', `/dossiers/${before.id}`, { token: world.a.tokens.advisor })).body
      .dossier;
    expect(reread.referentielId).toBe(world.referentielId);
    expect(after.referentielId).toBe(draft.id);
    const versions = (await api.call('GET', '/referentiels', { token: world.a.tokens.advisor })).body.items;
    expect(versions.filter((v: { current: boolean }) => v.current).map((v: { id: string }) => v.id)).toEqual([
      draft.id,
    ]);
  });

  it('opens CléA numérique only once a version with criteria is published', async () => {
    const national = world.nationalToken;
    const tenant = (await api.call('GET', `/tenants/${world.a.tenantId}`, { token: national })).body;
    await api.call('PATCH', `/tenants/${world.a.tenantId}`, {
      token: national,
      body: { version: tenant.version, certifications: ['clea', 'clea-numerique'] },
    });
    const body = dossierOpen(world.a.organismId);
    body.dossier.certification = 'clea-numerique';
    const refused = await api.call('POST', '/dossiers', { token: world.a.tokens.advisor, body });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('no_published_referentiel');

    const titlesOnly = (
      await api.call('POST', '/referentiels', { token: national, body: { document: shippedCleaNumerique } })
    ).body;
    const notPublishable = await api.call('POST', `/referentiels/${titlesOnly.id}/publish`, {
      token: national,
      body: { version: 1 },
    });
    expect(notPublishable.status).toBe(400);

    const withCriteria = (
      await api.call('POST', '/referentiels', { token: national, body: { document: fixture } })
    ).body;
    await api.call('POST', `/referentiels/${withCriteria.id}/publish`, {
      token: national,
      body: { version: 1 },
    });
    const opened = await api.call('POST', '/dossiers', { token: world.a.tokens.advisor, body });
    expect(opened.status).toBe(201);
    expect(opened.body.dossier.referentielId).toBe(withCriteria.id);
  });
});

describe('Preliminary evaluation', () => {
  it('needs an evaluator accredited today for the certification', async () => {
    const invite = userInvite(['evaluator'], [world.a.organismId]);
    invite.accreditations = [
      { role: 'evaluator', certification: 'clea', from: addMonths(today, 1), to: null },
    ];
    const future = (await api.call('POST', '/users', { token: world.a.tokens.admin, body: invite })).body;
    const dossier = await openDossier();
    const response = await startPreliminary(dossier.id, await tokenOfLogin(api, future.id));
    expect(response.status).toBe(403);
  });

  it('accepts 7 h of sequences and refuses one minute more', async () => {
    const dossier = await openDossier();
    const evaluation = (await startPreliminary(dossier.id)).body;
    expect(evaluation).toMatchObject({ kind: 'preliminary', status: 'in_progress' });
    expect(evaluation.scope.length).toBe(107);
    const path = `/dossiers/${dossier.id}/evaluations/${evaluation.id}`;
    const token = world.a.tokens.evaluator;
    const over = await api.call('PATCH', path, {
      token,
      body: { version: 1, sequences: [sequence(240), sequence(181)] },
    });
    expect(over.status).toBe(400);
    expect(over.body.fields[0].path).toBe('sequences');
    const exact = await api.call('PATCH', path, {
      token,
      body: { version: 1, sequences: [sequence(240), sequence(180)] },
    });
    expect(exact.status).toBe(200);
  });

  it('refuses a sequence dated in the future', async () => {
    const dossier = await openDossier();
    const evaluation = (await startPreliminary(dossier.id)).body;
    const response = await api.call('PATCH', `/dossiers/${dossier.id}/evaluations/${evaluation.id}`, {
      token: world.a.tokens.evaluator,
      body: { version: 1, sequences: [sequence(60, addMonths(today, 1))] },
    });
    expect(response.status).toBe(400);
    expect(response.body.fields[0].path).toBe('sequences.0.date');
  });

  it('a second tab saving on an old version gets 409 and overwrites nothing', async () => {
    const dossier = await openDossier();
    const evaluation = (await startPreliminary(dossier.id)).body;
    const path = `/dossiers/${dossier.id}/evaluations/${evaluation.id}`;
    const token = world.a.tokens.evaluator;
    const first = await api.call('PATCH', path, {
      token,
      body: { version: 1, results: { '1.1.1': { status: 'acquired' } } },
    });
    const second = await api.call('PATCH', path, {
      token,
      body: { version: 1, results: { '1.1.1': { status: 'not_acquired' } } },
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect((await api.call('GET', path, { token })).body.results['1.1.1'].status).toBe('acquired');
  });

  it('all domains mastered: eligible for a jury, with the 5-year deadline set', async () => {
    const dossier = await openDossier();
    const { dossier: after, evaluation } = await evaluate(api, world.a.tokens.evaluator, dossier.id, {
      notAcquired: [],
      date: today,
    });
    expect(evaluation.outcome).toBe('eligible');
    expect(after).toMatchObject({
      status: 'eligible',
      preliminaryEvaluatedOn: today,
      deadline: addMonths(today, 60),
    });
    expect(after.acquiredCriteria.length).toBe(107);
  });
});

describe('Training and final evaluation', () => {
  it('refuses a trainer who evaluated the candidate', async () => {
    const both = (
      await api.call('POST', '/users', {
        token: world.a.tokens.admin,
        body: userInvite(['evaluator', 'trainer'], [world.a.organismId]),
      })
    ).body;
    const token = await tokenOfLogin(api, both.id);
    const dossier = await openDossier();
    const { dossier: inTraining } = await evaluate(api, token, dossier.id, {
      notAcquired: ['2.1.1', '2.1.2'],
    });
    expect(inTraining.status).toBe('in_training');
    const response = await api.call('POST', `/dossiers/${dossier.id}/training-plan`, {
      token,
      body: {
        organismId: world.a.organismId,
        dossierVersion: inTraining.version,
        targetedCriteria: ['2.1.1'],
        objectives: 'x',
        plannedHours: 4,
        sessions: [],
      },
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('trainer_is_evaluator');
  });

  it('the final evaluation covers only what was not acquired; the union makes the dossier eligible', async () => {
    const token = world.a.tokens.evaluator;
    const gaps = ['1.1.1', '1.1.2', '3.1.1'];
    const dossier = await openDossier();
    await evaluate(api, token, dossier.id, { notAcquired: gaps, date: today });
    const current = (await api.call('GET', `/dossiers/${dossier.id}`, { token })).body.dossier;
    await api.call('POST', `/dossiers/${dossier.id}/training-plan`, {
      token: world.a.tokens.trainer,
      body: {
        organismId: world.a.organismId,
        dossierVersion: current.version,
        targetedCriteria: gaps,
        objectives: 'Compréhension orale, calcul',
        plannedHours: 30,
        sessions: [{ id: 'a', date: today, plannedHours: 3 }],
      },
    });
    const plan = (await api.call('GET', `/dossiers/${dossier.id}/training-plan`, { token })).body;
    const attended = await api.call('PATCH', `/dossiers/${dossier.id}/training-plan`, {
      token: world.a.tokens.trainer,
      body: {
        version: plan.version,
        sessions: [{ id: 'a', date: today, plannedHours: 3, attended: true, attendedHours: 3 }],
      },
    });
    expect(attended.status).toBe(200);

    const inTraining = (await api.call('GET', `/dossiers/${dossier.id}`, { token })).body.dossier;
    const final = (
      await api.call('POST', `/dossiers/${dossier.id}/evaluations`, {
        token,
        body: { dossierVersion: inTraining.version },
      })
    ).body;
    expect(final.kind).toBe('final');
    expect(final.scope.sort()).toEqual([...gaps].sort());
    const path = `/dossiers/${dossier.id}/evaluations/${final.id}`;
    const outside = await api.call('PATCH', path, {
      token,
      body: { version: 1, results: { '2.1.1': { status: 'acquired' } } },
    });
    expect(outside.status).toBe(400);
    const tooLong = await api.call('PATCH', path, {
      token,
      body: { version: 1, sequences: [sequence(181)] },
    });
    expect(tooLong.status).toBe(400);
    const saved = await api.call('PATCH', path, {
      token,
      body: { version: 1, sequences: [sequence(180)], results: gridWith(gaps, []) },
    });
    expect(saved.status).toBe(200);
    const submitted = await api.call('POST', `${path}/submit`, {
      token,
      body: { version: saved.body.version },
    });
    expect(submitted.body.dossier.status).toBe('eligible');
    expect(submitted.body.dossier.acquiredCriteria.length).toBe(107);
    const restitution = (await api.call('GET', `/dossiers/${dossier.id}/restitution`, { token })).body;
    expect(restitution.mastery.complete).toBe(true);
    expect(restitution.evaluations.map((e: { kind: string }) => e.kind)).toEqual(['preliminary', 'final']);
  });

  it('the trainer may not run the final evaluation of a candidate they trained', async () => {
    const both = (
      await api.call('POST', '/users', {
        token: world.a.tokens.admin,
        body: userInvite(['evaluator', 'trainer'], [world.a.organismId]),
      })
    ).body;
    const token = await tokenOfLogin(api, both.id);
    const dossier = (await api.call('GET', `/dossiers/${world.a.dossierId}`, { token })).body.dossier;
    await api.call('PATCH', `/dossiers/${world.a.dossierId}/training-plan`, {
      token,
      body: { version: 1, objectives: 'Repris par un autre formateur' },
    });
    const reread = (await api.call('GET', `/dossiers/${world.a.dossierId}`, { token })).body.dossier;
    expect(reread.trainerIds).toContain(both.id);
    const response = await api.call('POST', `/dossiers/${world.a.dossierId}/evaluations`, {
      token,
      body: { dossierVersion: reread.version },
    });
    expect(dossier.status).toBe('in_training');
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('evaluator_is_trainer');
  });
});

/**
 * A dossier opened on a past day, through the data layer with that day as the clock (the API
 * opens today): the 5-year rule needs sequences years back, which cannot precede the opening.
 */
const openDossierOn = async (day: string) => {
  const advisor: Principal = {
    userId: world.a.userIds.advisor,
    tenantId: world.a.tenantId,
    roles: ['advisor'],
    organisms: [world.a.organismId],
  };
  const { dossier } = await openDossierAt(
    actingOn(
      { principal: advisor, requestId: 'test', clock: clockAt(new Date(`${day}T08:00:00Z`)) },
      platformScopeFor(world.a.tenantId),
    ),
    dossierOpen(world.a.organismId) as DossierOpen,
  );
  return dossier;
};

/** The trainer's plan through the API: `targets` trained, optional sessions. */
const buildPlan = async (dossierId: string, targets: string[], sessions: unknown[] = []) => {
  const current = (await api.call('GET', `/dossiers/${dossierId}`, { token: world.a.tokens.trainer })).body
    .dossier;
  return api.call('POST', `/dossiers/${dossierId}/training-plan`, {
    token: world.a.tokens.trainer,
    body: {
      organismId: world.a.organismId,
      dossierVersion: current.version,
      targetedCriteria: targets,
      objectives: 'Travailler les critères visés',
      plannedHours: 12,
      sessions,
    },
  });
};

const startFinal = async (dossierId: string, token = world.a.tokens.evaluator) => {
  const current = (await api.call('GET', `/dossiers/${dossierId}`, { token })).body.dossier;
  return api.call('POST', `/dossiers/${dossierId}/evaluations`, {
    token,
    body: { dossierVersion: current.version },
  });
};

describe('The final evaluation follows the plan (SPEC §3.3)', () => {
  it('cannot start without a training plan: 409 final_needs_plan, nothing written', async () => {
    const dossier = await openDossier();
    const { dossier: inTraining } = await evaluate(api, world.a.tokens.evaluator, dossier.id, {
      notAcquired: ['1.1.1'],
      date: today,
    });
    const refused = await startFinal(dossier.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('final_needs_plan');
    expect(refused.body.message).toContain('plan de formation');
    const after = (await api.call('GET', `/dossiers/${dossier.id}`, { token: world.a.tokens.evaluator })).body
      .dossier;
    expect(after).toMatchObject({ status: 'in_training', version: inTraining.version });
  });

  it("covers exactly the plan's targets, refuses an untrained criterion by name, and unions the result", async () => {
    const token = world.a.tokens.evaluator;
    const gaps = ['1.1.1', '1.1.2', '3.1.1'];
    const dossier = await openDossier();
    const { dossier: evaluated } = await evaluate(api, token, dossier.id, { notAcquired: gaps, date: today });
    expect((await buildPlan(dossier.id, ['1.1.1', '3.1.1'])).status).toBe(201);
    const final = (await startFinal(dossier.id)).body;
    expect(final.kind).toBe('final');
    expect([...final.scope].sort()).toEqual(['1.1.1', '3.1.1']);
    const path = `/dossiers/${dossier.id}/evaluations/${final.id}`;
    const untrained = await api.call('PATCH', path, {
      token,
      body: { version: 1, results: { '1.1.2': { status: 'acquired' } } },
    });
    expect(untrained.status).toBe(400);
    expect(untrained.body.fields[0]).toMatchObject({ path: 'results.1.1.2', code: 'criterion_not_trained' });
    expect(untrained.body.fields[0].message).toContain('plan');
    const saved = await api.call('PATCH', path, {
      token,
      body: { version: 1, sequences: [sequence(120)], results: gridWith(['1.1.1', '3.1.1'], []) },
    });
    expect(saved.status).toBe(200);
    const submitted = await api.call('POST', `${path}/submit`, {
      token,
      body: { version: saved.body.version },
    });
    expect(submitted.status).toBe(200);
    // 1.1.2 was neither acquired before nor trained: still missing, the union holds the rest.
    expect([...submitted.body.dossier.acquiredCriteria].sort()).toEqual(
      [...evaluated.acquiredCriteria, '1.1.1', '3.1.1'].sort(),
    );
    expect(submitted.body.dossier.acquiredCriteria).not.toContain('1.1.2');
  });
});

describe('Dates of the path (SPEC §3.2, §3.4)', () => {
  it("refuses a sequence before the dossier's opening, naming the sequence and the rule", async () => {
    const dossier = await openDossier();
    const evaluation = (await startPreliminary(dossier.id)).body;
    const path = `/dossiers/${dossier.id}/evaluations/${evaluation.id}`;
    const refused = await api.call('PATCH', path, {
      token: world.a.tokens.evaluator,
      body: { version: 1, sequences: [sequence(60), sequence(60, dayBefore(today))] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields[0]).toMatchObject({
      path: 'sequences.1.date',
      code: 'sequence_before_opening',
    });
    const stored = (await api.call('GET', path, { token: world.a.tokens.evaluator })).body;
    expect(stored).toMatchObject({ version: 1, sequences: [] });
  });

  it('refuses attendance recorded for a session still to come, and writes nothing', async () => {
    const dossier = await openDossier();
    await evaluate(api, world.a.tokens.evaluator, dossier.id, { notAcquired: ['1.1.1'], date: today });
    const tomorrow = addDays(today, 1);
    const plan = (await buildPlan(dossier.id, ['1.1.1'], [{ id: 's1', date: tomorrow, plannedHours: 3 }]))
      .body;
    const refused = await api.call('PATCH', `/dossiers/${dossier.id}/training-plan`, {
      token: world.a.tokens.trainer,
      body: {
        version: plan.version,
        sessions: [{ id: 's1', date: tomorrow, plannedHours: 3, attended: true, attendedHours: 3 }],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields[0]).toMatchObject({
      path: 'sessions.0.attended',
      code: 'attendance_in_future',
    });
    const stored = (
      await api.call('GET', `/dossiers/${dossier.id}/training-plan`, { token: world.a.tokens.trainer })
    ).body;
    expect(stored.version).toBe(plan.version);
    expect(stored.sessions[0].attended ?? null).toBeNull();
  });

  it('the deadline counts from the day the preliminary evaluation was carried out, not its submission', async () => {
    const carriedOut = addMonths(today, -3);
    const dossier = await openDossierOn(addDays(carriedOut, -10));
    const { dossier: after } = await evaluate(api, world.a.tokens.evaluator, dossier.id, {
      notAcquired: ['1.1.1'],
      date: carriedOut,
    });
    expect(after).toMatchObject({ preliminaryEvaluatedOn: carriedOut, deadline: addMonths(carriedOut, 60) });
  });
});

describe('The 5-year deadline', () => {
  it('a final evaluation on the deadline day is in time', async () => {
    const token = world.a.tokens.evaluator;
    const fiveYearsAgo = addMonths(today, -60);
    const dossier = await openDossierOn(addDays(fiveYearsAgo, -20));
    await evaluate(api, token, dossier.id, { notAcquired: ['1.1.1'], date: fiveYearsAgo });
    expect((await buildPlan(dossier.id, ['1.1.1'])).status).toBe(201);
    const inTraining = (await api.call('GET', `/dossiers/${dossier.id}`, { token })).body.dossier;
    expect(inTraining).toMatchObject({ status: 'in_training', deadline: today });
    const final = (await startFinal(dossier.id)).body;
    const saved = await api.call('PATCH', `/dossiers/${dossier.id}/evaluations/${final.id}`, {
      token,
      body: { version: 1, sequences: [sequence(60)], results: gridWith(['1.1.1'], []) },
    });
    const submitted = await api.call('POST', `/dossiers/${dossier.id}/evaluations/${final.id}/submit`, {
      token,
      body: { version: saved.body.version },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.dossier.status).toBe('eligible');
  });

  it('a final evaluation carried out by the deadline is accepted when submitted after it; one day later is refused', async () => {
    const token = world.a.tokens.evaluator;
    const yesterday = dayBefore(today);
    const carriedOut = addMonths(yesterday, -60);
    const build = async () => {
      const dossier = await openDossierOn(addDays(carriedOut, -20));
      const { dossier: evaluated } = await evaluate(api, token, dossier.id, {
        notAcquired: ['1.1.1'],
        date: carriedOut,
      });
      expect(evaluated.deadline).toBe(yesterday);
      // Planned and started yesterday, on the deadline day (the API's clock is today's: the data
      // layer's is the one given).
      const onDeadline = (userId: string, role: Principal['roles'][number]) => ({
        principal: { userId, tenantId: world.a.tenantId, roles: [role], organisms: [world.a.organismId] },
        requestId: 'test',
        clock: clockAt(new Date(`${yesterday}T10:00:00Z`)),
      });
      const scope = platformScopeFor(world.a.tenantId);
      await createTrainingPlanAt(
        actingOn(onDeadline(world.a.userIds.trainer, 'trainer'), scope),
        dossier.id,
        {
          organismId: world.a.organismId,
          dossierVersion: evaluated.version,
          targetedCriteria: ['1.1.1'],
          objectives: 'Travailler le critère visé',
          plannedHours: 6,
          sessions: [],
        },
      );
      const final = await startEvaluationAt(
        actingOn(onDeadline(world.a.userIds.evaluator, 'evaluator'), scope),
        dossier.id,
        {
          dossierVersion: evaluated.version + 1,
        },
      );
      return { dossier, path: `/dossiers/${dossier.id}/evaluations/${final.id}` };
    };

    const inTime = await build();
    const saved = await api.call('PATCH', inTime.path, {
      token,
      body: { version: 1, sequences: [sequence(60, yesterday)], results: gridWith(['1.1.1'], []) },
    });
    expect(saved.status).toBe(200);
    const submitted = await api.call('POST', `${inTime.path}/submit`, {
      token,
      body: { version: saved.body.version },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.dossier.status).toBe('eligible');

    const late = await build();
    const lateSave = await api.call('PATCH', late.path, {
      token,
      body: {
        version: 1,
        sequences: [sequence(60, yesterday), sequence(60)],
        results: gridWith(['1.1.1'], []),
      },
    });
    const refused = await api.call('POST', `${late.path}/submit`, {
      token,
      body: { version: lateSave.body.version },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('deadline_passed');
    const stored = (await api.call('GET', late.path, { token })).body;
    expect(stored.status).toBe('in_progress');
  });

  it('the day after, the dossier reads as expired, the sweep persists it, and only a new preliminary evaluation restarts it', async () => {
    const token = world.a.tokens.evaluator;
    const carriedOut = dayBefore(addMonths(today, -60));
    const dossier = await openDossierOn(addDays(carriedOut, -20));
    await evaluate(api, token, dossier.id, {
      notAcquired: ['1.1.1'],
      date: carriedOut,
    });
    const read = (await api.call('GET', `/dossiers/${dossier.id}`, { token })).body.dossier;
    expect(read.status).toBe('expired');
    const swept = await sweepExpiredDossiers({ today, monthsBack: 1 });
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    const audit = (await api.call('GET', `/dossiers/${dossier.id}/audit`, { token })).body.items;
    expect(audit[0]).toMatchObject({ action: 'dossier.expire', toStatus: 'expired' });
    const expired = (await api.call('GET', `/dossiers/${dossier.id}`, { token })).body.dossier;
    expect(expired.version).toBe(read.version + 1);
    const restarted = (
      await api.call('POST', `/dossiers/${dossier.id}/evaluations`, {
        token,
        body: { dossierVersion: expired.version },
      })
    ).body;
    expect(restarted.kind).toBe('preliminary');
    expect(restarted.scope.length).toBe(107);
    const after = (await api.call('GET', `/dossiers/${dossier.id}`, { token })).body.dossier;
    expect(after).toMatchObject({ status: 'preliminary_evaluation', acquiredCriteria: [] });
    expect(after.deadline).toBeUndefined();
  });
});
