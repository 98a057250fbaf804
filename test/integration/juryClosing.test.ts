/**
 * Closing a 60-candidate session with crashes injected at random points (20 seeds): running "close"
 * again finishes the job; exactly the certified candidates hold exactly one certificate each, dated on
 * the session's day; every decided dossier is in its final state and out of the pipeline; a candidate
 * without a decision (or with a decision the recorded votes do not carry) goes back to the pipeline,
 * never adjourned by default. (The crash points are what vary;
 * 60 candidates give each seed several dossiers on either side of every crash. Closing 1,000 at once
 * is the bench's: test/bench/juryClosing.test.ts.)
 */
import { BatchGetCommand, BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { closeSession, db, dossierItemOf, keys, platformScopeFor, tableName } from '@socle/data';
import { clockAt } from '@socle/domain';
import type { Principal } from '@socle/domain';
import type { AgendaEntry, Dossier, JuryDossierView } from '@socle/domain';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildJury, sessionDay } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

const CANDIDATES = 60;
const SEEDS = Number(process.env.SEEDS ?? 20);
/** A week ahead in Paris (a session is planned in the future), whatever day the suite runs. */
const SESSION_DATE = sessionDay('11', 7);
/** Closing happens on the session's day (in Paris): the clock is injected. */
const CLOSING_AT = new Date(`${SESSION_DATE}T12:00:00Z`);

let api: TestApi;
let world: World;
let jury: Jury;
let template: Dossier;

const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const batchWrite = async (items: Record<string, unknown>[]) => {
  for (let i = 0; i < items.length; i += 25) {
    await db().send(
      new BatchWriteCommand({
        RequestItems: { [tableName()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
};

/**
 * The precondition of a close, written directly: the dossiers on the session's agenda, each decided.
 * (Building them through the API would take minutes per seed; the procedure under test is closing.)
 */
const decidedSession = async (random: () => number) => {
  const session = expectStatus(
    await api.call('POST', '/jury/sessions', {
      token: jury.secretary.token,
      body: {
        date: SESSION_DATE,
        startTime: '09:00',
        place: 'Paris',
        memberIds: [jury.employer.userId, jury.employee.userId],
      },
    }),
    201,
    'plan session',
  );
  const scope = platformScopeFor(world.a.tenantId);
  const items: Record<string, unknown>[] = [];
  const decisions = new Map<string, 'certified' | 'adjourned' | 'returned'>();
  const present = [jury.employer.userId, jury.employee.userId];
  const colleges = { [jury.employer.userId]: 'employer', [jury.employee.userId]: 'employee' } as const;
  for (let i = 0; i < CANDIDATES; i++) {
    const dossier: Dossier = { ...template, id: ulid(), status: 'on_jury_agenda', version: 7 };
    const draw = random();
    // 75 % certified, 15 % adjourned, 5 % undecided, 5 % a decision the recorded votes do not carry.
    const decision = draw < 0.75 ? 'certified' : draw < 0.9 ? 'adjourned' : undefined;
    const unsupported = draw >= 0.95;
    decisions.set(dossier.id, decision && !unsupported ? decision : 'returned');
    const ballot = decision === 'adjourned' ? 'adjourn' : 'certify';
    const ballots: Record<string, 'certify' | 'adjourn'> = Object.fromEntries(
      present.map((id, k) => [id, unsupported && k === 0 ? 'adjourn' : ballot]),
    );
    // A whole view: what is read back is parsed against the stored agenda entry's schema.
    const view: JuryDossierView = {
      dossierId: dossier.id,
      tenantId: world.a.tenantId,
      networkName: 'Réseau A',
      certification: dossier.certification,
      candidate: dossier.candidate,
      region: dossier.region,
      evaluatingOrganism: { id: dossier.organismId, name: 'Organisme A' },
      trainingOrganism: null,
      evaluations: [],
      domains: [],
      allDomainsMastered: true,
      submittedAt: dossier.updatedAt,
      presentation: 1,
    };
    const entry: AgendaEntry = {
      sessionId: session.id,
      dossierId: dossier.id,
      tenantId: world.a.tenantId,
      view,
      conflicts: [],
      votes: decision ? ballots : {},
      ...(decision
        ? {
            decision: {
              decision: unsupported ? 'certified' : decision,
              reason: decision === 'adjourned' ? 'Complément demandé' : null,
              decidedAt: CLOSING_AT.toISOString(),
              decidedBy: jury.secretary.userId,
              votes: { certify: 2, adjourn: 0 },
              present,
              voters: present,
              conflicted: [],
              colleges,
              ballots,
              required: 2,
              rules: { minPerCollege: 1, parity: true, majority: 'absolute', version: 0 },
            },
          }
        : {}),
    };
    items.push(
      dossierItemOf(scope, dossier),
      { ...keys.agendaEntry(session.id, dossier.id), itemType: 'AgendaEntry', ...entry },
      {
        ...keys.pipelineEntry('11', dossier.id),
        itemType: 'PipelineEntry',
        dossierId: dossier.id,
        tenantId: world.a.tenantId,
        sessionId: session.id,
      },
    );
  }
  await batchWrite(items);
  return { sessionId: session.id as string, decisions };
};

/** Every certificate item the session issued (gsi1 "certificatesBySession"). */
const certificatesOf = async (sessionId: string) => {
  const found: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `CERTS#SESSION#${sessionId}` },
        ExclusiveStartKey: startKey,
      }),
    );
    found.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return found;
};

/** Reads many items in batches of 100, keyed by `pk|sk` (pipeline entries share their region's pk). */
const keyOf = (key: { pk: string; sk: string }) => `${key.pk}|${key.sk}`;

const batchGet = async (keyList: { pk: string; sk: string }[]) => {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < keyList.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: keyList.slice(i, i + 100) },
    };
    while (request && Object.keys(request).length) {
      const result = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[tableName()] ?? []) found.set(`${item.pk}|${item.sk}`, item);
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
};

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
  template = (await api.call('GET', `/dossiers/${world.a.dossierId}`, { token: world.a.tokens.admin })).body
    .dossier;
});
afterAll(() => api.stop());

describe('Closing a jury session with crashes', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    it(`seed ${seed}: resuming after crashes issues exactly one certificate per certified candidate`, async () => {
      // Prepare
      const random = prng(seed);
      const { sessionId, decisions } = await decidedSession(random);
      const secretary: Principal = {
        userId: jury.secretary.userId,
        roles: ['jury_secretary'],
        organisms: [],
        region: '11',
      };
      const steps = 2 + 2 * CANDIDATES;
      const crashAt = new Set(
        Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * steps)),
      );
      let step = 0;
      const fault = () => {
        if (crashAt.has(step++)) throw new Error('injected crash');
      };
      const started = performance.now();
      // Act: close, crash, close again… until it completes.
      let crashes = 0;
      for (let attempt = 0; attempt < 10; attempt++) {
        try {
          await closeSession(
            { principal: secretary, requestId: `close-${attempt}`, clock: clockAt(CLOSING_AT) },
            sessionId,
            { fault },
          );
          break;
        } catch (error) {
          if ((error as Error).message !== 'injected crash') throw error;
          crashes++;
        }
      }
      const closingMs = performance.now() - started;
      // Assess
      expect(crashes).toBe(crashAt.size);
      console.log(
        `seed ${seed}: ${crashes} crash(es), closing ${Math.round(closingMs)} ms for ${CANDIDATES} candidates`,
      );
      const scope = platformScopeFor(world.a.tenantId);
      const certificates = await certificatesOf(sessionId);
      const certified = [...decisions].filter(([, d]) => d === 'certified').map(([id]) => id);
      expect(certificates.map((c) => c.dossierId).sort()).toEqual([...certified].sort());
      const ids = [...decisions.keys()];
      const dossiers = await batchGet(ids.map((id) => keys.dossier(scope, id)));
      const markers = await batchGet(ids.map((id) => keys.dossierCertificate(scope, id)));
      const pipeline = await batchGet(ids.map((id) => keys.pipelineEntry('11', id)));
      const returned = [...decisions].filter(([, d]) => d === 'returned').map(([id]) => id);
      // Only the candidates without a decision that stands are back in the pipeline, on no session.
      expect([...pipeline.values()].map((p) => p.dossierId).sort()).toEqual([...returned].sort());
      for (const entry of pipeline.values()) expect(entry.sessionId).toBeUndefined();
      for (const certificate of certificates) expect(certificate.issuedOn).toBe(SESSION_DATE);
      const byDossier = new Map(certificates.map((c) => [c.dossierId as string, c.code]));
      for (const [dossierId, decision] of decisions) {
        const dossier = dossiers.get(keyOf(keys.dossier(scope, dossierId)));
        const marker = markers.get(keyOf(keys.dossierCertificate(scope, dossierId)));
        expect(dossier?.status).toBe(decision === 'returned' ? 'eligible' : decision);
        if (decision === 'certified') {
          expect(marker?.code).toBe(dossier?.certificateCode);
          expect(byDossier.get(dossierId)).toBe(dossier?.certificateCode);
        } else {
          expect(marker).toBeUndefined();
        }
      }
      const session = await api.call('GET', `/jury/sessions/${sessionId}`, { token: jury.secretary.token });
      expect(session.body.session).toMatchObject({
        status: 'closed',
        summary: {
          certified: certified.length,
          adjourned: CANDIDATES - certified.length - returned.length,
        },
      });
    });
  }
});
