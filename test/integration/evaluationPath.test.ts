/**
 * The evaluation and training path through the API, against DynamoDB Local: référentiel versions,
 * accreditation, the 7 h / 3 h / 5-year limits at their boundaries, the server-side outcome,
 * independence of trainer and evaluator, the final evaluation's scope and union, expiry.
 */
import { sweepExpiredDossiers } from '@socle/data';
import { addMonths, todayIso } from '@socle/domain';
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
const today = todayIso();

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

describe('The 5-year deadline', () => {
  it('a final evaluation on the deadline day is in time', async () => {
    const token = world.a.tokens.evaluator;
    const dossier = await openDossier();
    const fiveYearsAgo = addMonths(today, -60);
    await evaluate(api, token, dossier.id, { notAcquired: ['1.1.1'], date: fiveYearsAgo });
    const inTraining = (await api.call('GET', `/dossiers/${dossier.id}`, { token })).body.dossier;
    expect(inTraining).toMatchObject({ status: 'in_training', deadline: today });
    const final = (
      await api.call('POST', `/dossiers/${dossier.id}/evaluations`, {
        token,
        body: { dossierVersion: inTraining.version },
      })
    ).body;
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

  it('the day after, the dossier reads as expired, the sweep persists it, and only a new preliminary evaluation restarts it', async () => {
    const token = world.a.tokens.evaluator;
    const dossier = await openDossier();
    await evaluate(api, token, dossier.id, {
      notAcquired: ['1.1.1'],
      date: dayBefore(addMonths(today, -60)),
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
