/**
 * Monitoring counters (issue 7) through the real API on DynamoDB Local: a random mix of paths,
 * idempotent retries, stale versions and writes refused by a suspended network must leave the
 * counters equal both to what the test saw succeed and to a recount from the dossiers' trails.
 */
import { rebuildCounters } from '@socle/data';
import { counterMonthOf, counterNames, type Counts } from '@socle/domain';
import fc from 'fast-check';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildJury, sessionDay } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { dossierOpen } from '../support/samples.ts';
import { buildWorld, evaluate, expectStatus } from '../support/world.ts';
import type { NetworkWorld, World } from '../support/world.ts';

let api: TestApi;
let world: World;
let jury: Jury;
const month = counterMonthOf(new Date().toISOString());

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
}, 120_000);

afterAll(async () => {
  await api.stop();
});

const zero = (): Counts => Object.fromEntries(counterNames.map((n) => [n, 0])) as Counts;

/** The network's counts this month, as its admin's dashboard reads them. */
const networkCounts = async (network: NetworkWorld): Promise<Counts> =>
  expectStatus(
    await api.call('GET', `/stats/volumes?from=${month}&to=${month}&groupBy=certification`, {
      token: network.tokens.admin,
    }),
    200,
    'volumes',
  ).total.counts;

const readDossier = async (network: NetworkWorld, id: string) =>
  expectStatus(await api.call('GET', `/dossiers/${id}`, { token: network.tokens.advisor }), 200, 'read')
    .dossier;

const openDossier = async (network: NetworkWorld, replay: boolean) => {
  const key = `open-${ulid()}`;
  const request = {
    token: network.tokens.advisor,
    body: dossierOpen(network.organismId),
    headers: { 'Idempotency-Key': key },
  };
  const first = expectStatus(await api.call('POST', '/dossiers', request), 201, 'open');
  if (replay) {
    const again = await api.call('POST', '/dossiers', request);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.dossier.id).toBe(first.dossier.id);
  }
  return first.dossier.id as string;
};

const setSuspended = async (network: NetworkWorld, suspended: boolean) => {
  const tenant = expectStatus(
    await api.call('GET', `/tenants/${network.tenantId}`, { token: world.nationalToken }),
    200,
    'tenant',
  );
  expectStatus(
    await api.call('POST', `/tenants/${network.tenantId}/${suspended ? 'suspend' : 'reactivate'}`, {
      token: world.nationalToken,
      body: suspended ? { version: tenant.version, reason: 'Contrôle' } : { version: tenant.version },
    }),
    200,
    suspended ? 'suspend' : 'reactivate',
  );
};

/** Presents every dossier of the network waiting in the pipeline to one session and closes it. */
const holdSession = async (
  network: NetworkWorld,
  expected: Counts,
  decideCertify: (i: number) => boolean,
) => {
  const pipeline = expectStatus(
    await api.call('GET', '/jury/pipeline', { token: jury.secretary.token }),
    200,
    'pipeline',
  );
  const waiting = (pipeline.items as { dossierId: string; tenantId: string; sessionId?: string }[]).filter(
    (e) => e.tenantId === network.tenantId && !e.sessionId,
  );
  if (waiting.length === 0) return;
  const members = [jury.employer, jury.employee];
  const session = expectStatus(
    await api.call('POST', '/jury/sessions', {
      token: jury.secretary.token,
      body: {
        date: sessionDay(jury.region),
        startTime: '09:00',
        place: 'Paris',
        memberIds: members.map((m) => m.userId),
      },
    }),
    201,
    'session',
  );
  const path = `/jury/sessions/${session.id}`;
  expectStatus(
    await api.call('POST', `${path}/agenda`, {
      token: jury.secretary.token,
      body: { dossierIds: waiting.map((e) => e.dossierId) },
    }),
    200,
    'agenda',
  );
  expectStatus(
    await api.call('PUT', `${path}/attendance`, {
      token: jury.secretary.token,
      body: { version: session.version, presentMemberIds: members.map((m) => m.userId) },
    }),
    200,
    'attendance',
  );
  for (const [i, entry] of waiting.entries()) {
    const certify = decideCertify(i);
    for (const member of members) {
      await api.call('POST', `${path}/dossiers/${entry.dossierId}/vote`, {
        token: member.token,
        body: { vote: certify ? 'certify' : 'adjourn' },
      });
    }
    expectStatus(
      await api.call('POST', `${path}/dossiers/${entry.dossierId}/decision`, {
        token: jury.secretary.token,
        body: certify ? { decision: 'certified' } : { decision: 'adjourned', reason: 'Compléments attendus' },
      }),
      200,
      'decide',
    );
    expected[certify ? 'certified' : 'adjourned'] += 1;
  }
  let remaining = 1;
  while (remaining > 0) {
    remaining = expectStatus(
      await api.call('POST', `${path}/close`, { token: jury.secretary.token }),
      200,
      'close',
    ).remaining;
  }
};

type Step =
  | { kind: 'open'; replay: boolean }
  | { kind: 'evaluate'; pick: number; allAcquired: boolean }
  | { kind: 'plan'; pick: number; replay: boolean }
  | { kind: 'present'; pick: number }
  | { kind: 'portfolio'; pick: number }
  | { kind: 'suspended'; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), replay: fc.boolean() }),
  fc.record({ kind: fc.constant('evaluate' as const), pick: fc.nat(), allAcquired: fc.boolean() }),
  fc.record({ kind: fc.constant('plan' as const), pick: fc.nat(), replay: fc.boolean() }),
  fc.record({ kind: fc.constant('present' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('portfolio' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('suspended' as const), pick: fc.nat() }),
);

/** Runs one step on the network's dossiers; adds to `expected` what succeeded and counts. */
const runStep = async (network: NetworkWorld, ids: string[], step: Step, expected: Counts) => {
  if (step.kind === 'open' || ids.length === 0) {
    ids.push(await openDossier(network, step.kind === 'open' && step.replay));
    expected.opened += 1;
    return;
  }
  const id = ids[('pick' in step ? step.pick : 0) % ids.length] as string;
  const dossier = await readDossier(network, id);
  switch (step.kind) {
    case 'evaluate': {
      if (dossier.status !== 'opened' && dossier.status !== 'in_training') return;
      // A final evaluation follows a training plan (SPEC §3.3): none is started without one.
      if (dossier.status === 'in_training' && !dossier.trainingPlanId) return;
      const preliminary = dossier.status === 'opened';
      const result = await evaluate(api, network.tokens.evaluator, id, {
        notAcquired: step.allAcquired ? [] : ['1.1.1'],
      });
      if (preliminary) {
        expected.preliminaryDone += 1;
        if (result.dossier.status === 'eligible') expected.eligibleAfterPreliminary += 1;
      } else {
        expected.finalDone += 1;
      }
      return;
    }
    case 'plan': {
      if (dossier.status !== 'in_training' || dossier.trainingPlanId) return;
      const request = {
        token: network.tokens.trainer,
        headers: { 'Idempotency-Key': `plan-${ulid()}` },
        body: {
          organismId: network.organismId,
          dossierVersion: dossier.version,
          targetedCriteria: ['1.1.1'],
          objectives: 'Objectifs',
          plannedHours: 7,
          sessions: [],
        },
      };
      expectStatus(await api.call('POST', `/dossiers/${id}/training-plan`, request), 201, 'plan');
      if (step.replay) {
        const again = await api.call('POST', `/dossiers/${id}/training-plan`, request);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
      }
      expected.trainingStarted += 1;
      return;
    }
    case 'present': {
      if (dossier.status !== 'eligible' || dossier.submittedToJuryAt) return;
      // A stale version first: the whole transaction fails, nothing is counted.
      const stale = await api.call('POST', `/dossiers/${id}/jury-submission`, {
        token: network.tokens.advisor,
        body: { dossierVersion: dossier.version - 1 },
      });
      expect(stale.status).toBe(409);
      expectStatus(
        await api.call('POST', `/dossiers/${id}/jury-submission`, {
          token: network.tokens.advisor,
          body: { dossierVersion: dossier.version },
        }),
        200,
        'present',
      );
      expected.presented += 1;
      return;
    }
    case 'portfolio': {
      if (!dossier.lastEvaluatedOn) return;
      const issued = dossier.portfolioIssuedFor !== dossier.lastEvaluationId;
      for (let i = 0; i < 2; i++) {
        const pdf = await api.call('GET', `/dossiers/${id}/portfolio.pdf`, { token: network.tokens.advisor });
        expect(pdf.status).toBe(200);
      }
      if (issued) expected.portfolioIssued += 1;
      return;
    }
    case 'suspended': {
      // Writes of a suspended network fail on the tenant condition of their transaction.
      await setSuspended(network, true);
      try {
        const open = await api.call('POST', '/dossiers', {
          token: network.tokens.advisor,
          body: dossierOpen(network.organismId),
        });
        expect(open.status).toBeGreaterThanOrEqual(400);
        if (dossier.status === 'eligible' && !dossier.submittedToJuryAt) {
          const present = await api.call('POST', `/dossiers/${id}/jury-submission`, {
            token: network.tokens.advisor,
            body: { dossierVersion: dossier.version },
          });
          expect(present.status).toBeGreaterThanOrEqual(400);
        }
      } finally {
        await setSuspended(network, false);
      }
      return;
    }
  }
};

describe('Monitoring counters', () => {
  it('equal what succeeded and a recount from the dossiers, after random paths with retries and failed writes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 10, maxLength: 24 }),
        fc.boolean(),
        async (steps, certifyFirst) => {
          const network = world.a;
          const before = await networkCounts(network);
          const expected = zero();
          const ids: string[] = [];
          for (const step of steps) await runStep(network, ids, step, expected);
          await holdSession(network, expected, (i) => (i % 2 === 0) === certifyFirst);
          const after = await networkCounts(network);
          for (const name of counterNames)
            expect({ [name]: after[name] - before[name] }).toEqual({ [name]: expected[name] });
          const report = await rebuildCounters({ tenantIds: [world.a.tenantId, world.b.tenantId] });
          expect(report.orphanEvents).toBe(0);
          expect(report.drift).toEqual([]);
        },
      ),
      { numRuns: 4, seed: 20261123, endOnFailure: true },
    );
  }, 600_000);

  it('reports a tampered cell as drift, repairs it, and the repair converges', async () => {
    const { getTableName, tamper } = await import('../support/counterTamper.ts');
    expect(getTableName()).toBe(api.tableName);
    const cell = await tamper(world.a.tenantId, 'opened', 3);
    const report = await rebuildCounters({ tenantIds: [world.a.tenantId] });
    expect(report.drift).toEqual([
      { cell, field: 'opened', expected: expect.any(Number), stored: expect.any(Number) },
    ]);
    const [drift] = report.drift;
    expect((drift?.stored ?? 0) - (drift?.expected ?? 0)).toBe(3);
    const repaired = await rebuildCounters({ tenantIds: [world.a.tenantId], repair: true });
    expect(repaired.repairedCells).toBe(1);
    expect((await rebuildCounters({ tenantIds: [world.a.tenantId] })).drift).toEqual([]);
  });

  it('shows each viewer only their scope: the nation, a network, a region', async () => {
    const query = `/stats/volumes?from=${month}&to=${month}&groupBy=network`;
    const national = expectStatus(
      await api.call('GET', query, { token: world.nationalToken }),
      200,
      'national',
    );
    const keys = national.rows.map((r: { key: string }) => r.key);
    expect(keys).toEqual(expect.arrayContaining([world.a.tenantId, world.b.tenantId]));
    expect(national.rows.find((r: { key: string }) => r.key === world.a.tenantId).label).toBe('Réseau A');
    // A network admin asking for another network still gets its own figures only.
    const own = expectStatus(
      await api.call('GET', `${query}&tenantId=${world.a.tenantId}`, { token: world.b.tokens.admin }),
      200,
      'network b',
    );
    expect(own.rows.map((r: { key: string }) => r.key)).toEqual([world.b.tenantId]);
    // A jury secretary sees their region only, whatever region is asked for.
    const regional = expectStatus(
      await api.call('GET', `/stats/volumes?from=${month}&to=${month}&groupBy=region&region=84`, {
        token: jury.secretary.token,
      }),
      200,
      'region',
    );
    expect(regional.rows.map((r: { key: string }) => r.key)).toEqual(['11']);
    expect(regional.total.counts.opened).toBe(national.total.counts.opened);
    const byOrganism = expectStatus(
      await api.call('GET', `/stats/volumes?from=${month}&to=${month}&groupBy=organism`, {
        token: world.a.tokens.admin,
      }),
      200,
      'organism',
    );
    expect(byOrganism.rows.map((r: { key: string }) => r.key)).toEqual([world.a.organismId]);
    const refused = await api.call('GET', `/stats/volumes?from=${month}&to=${month}&groupBy=organism`, {
      token: jury.secretary.token,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('organism_not_available');
  });

  it('rejects a malformed or reversed period naming the field', async () => {
    const bad = await api.call('GET', '/stats/volumes?from=2026-13&to=2026-01', {
      token: world.nationalToken,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path)).toContain('from');
    const reversed = await api.call('GET', '/stats/volumes?from=2026-05&to=2026-01', {
      token: world.nationalToken,
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields.map((f: { path: string }) => f.path)).toContain('to');
  });

  it('prices the usage statement with the fees in force, versioned', async () => {
    const counts = await networkCounts(world.a);
    const statement = expectStatus(
      await api.call('GET', `/statements/${month}`, { token: world.a.tokens.admin }),
      200,
      'statement',
    );
    const line = (item: string) =>
      statement.lines.find(
        (l: { certification: string; item: string }) => l.certification === 'clea' && l.item === item,
      );
    expect(line('preliminary_evaluation')).toMatchObject({
      quantity: counts.preliminaryDone,
      unitCents: 2000,
    });
    expect(line('certificate')).toMatchObject({ quantity: counts.certified, unitCents: 500 });
    expect(statement.totalCents).toBe(counts.preliminaryDone * 2000 + counts.certified * 500);

    const fees = {
      clea: { preliminaryEvaluation: 2200, certificate: 550 },
      'clea-numerique': { preliminaryEvaluation: 0, certificate: 1000 },
    };
    const created = expectStatus(
      await api.call('PUT', `/fees/${month}`, { token: world.nationalToken, body: { fees } }),
      200,
      'fees',
    );
    expect(created.version).toBe(1);
    const again = await api.call('PUT', `/fees/${month}`, { token: world.nationalToken, body: { fees } });
    expect(again.status).toBe(409);
    const stale = await api.call('PUT', `/fees/${month}`, {
      token: world.nationalToken,
      body: { fees, version: 7 },
    });
    expect(stale.status).toBe(409);
    const repriced = expectStatus(
      await api.call('GET', `/tenants/${world.a.tenantId}/statements/${month}`, {
        token: world.nationalToken,
      }),
      200,
      'national statement',
    );
    expect(repriced.feesEffectiveFrom).toBe(month);
    expect(repriced.totalCents).toBe(counts.preliminaryDone * 2200 + counts.certified * 550);

    const csv = await fetch(`${api.url}/statements/${month}/statement.csv`, {
      headers: { authorization: `Bearer ${world.a.tokens.admin}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // `ignoreBOM` keeps the byte order mark (a default TextDecoder strips it).
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Réseau;Mois;Certification;Prestation;Quantité');
    const pdf = await fetch(`${api.url}/tenants/${world.a.tenantId}/statements/${month}/statement.pdf`, {
      headers: { authorization: `Bearer ${world.nationalToken}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const unknown = await api.call('GET', `/tenants/01JAZNJY74SB33NTS68B6PHGED/statements/${month}`, {
      token: world.nationalToken,
    });
    expect(unknown.status).toBe(404);
  });
});
