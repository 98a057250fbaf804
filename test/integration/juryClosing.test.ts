/**
 * Closing a 120-candidate session with crashes injected at random points (20 seeds): running "close"
 * again finishes the job; exactly the certified candidates hold exactly one certificate each, every
 * dossier is in its final state, and nothing is left in the pipeline. (The crash points are what vary;
 * 120 candidates give each seed several dossiers on either side of every crash. Closing 1,000 at once
 * is the bench's: test/bench/juryClosing.test.ts.)
 */
import { BatchGetCommand, BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { closeSession, db, dossierItemOf, keys, platformScopeFor, tableName } from '@socle/data';
import type { Principal } from '@socle/domain';
import type { AgendaEntry, Dossier, JuryDossierView } from '@socle/domain';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildJury } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

const CANDIDATES = 120;
const SEEDS = 20;

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
        date: '2026-12-15',
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
  const decisions = new Map<string, 'certified' | 'adjourned'>();
  for (let i = 0; i < CANDIDATES; i++) {
    const dossier: Dossier = { ...template, id: ulid(), status: 'on_jury_agenda', version: 7 };
    const decision = random() < 0.8 ? 'certified' : 'adjourned';
    decisions.set(dossier.id, decision);
    const view = {
      dossierId: dossier.id,
      candidate: dossier.candidate,
      networkName: 'Réseau A',
    } as unknown as JuryDossierView;
    const entry: AgendaEntry = {
      sessionId: session.id,
      dossierId: dossier.id,
      tenantId: world.a.tenantId,
      view,
      conflicts: [],
      votes: {},
      decision: {
        decision,
        reason: decision === 'adjourned' ? 'Complément demandé' : null,
        decidedAt: new Date().toISOString(),
        decidedBy: jury.secretary.userId,
        votes: { certify: 2, adjourn: 0 },
      },
    };
    items.push(
      dossierItemOf(scope, dossier),
      { ...keys.agendaEntry(session.id, dossier.id), itemType: 'AgendaEntry', ...entry },
      {
        ...keys.pipelineEntry('11', dossier.id),
        itemType: 'PipelineEntry',
        dossierId: dossier.id,
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

/** Reads many items in batches of 100, keyed by partition key (each key here has its own pk). */
const batchGet = async (keyList: { pk: string; sk: string }[]) => {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < keyList.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: keyList.slice(i, i + 100) },
    };
    while (request && Object.keys(request).length) {
      const result = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[tableName()] ?? []) found.set(item.pk as string, item);
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
            { principal: secretary, requestId: `close-${attempt}`, now: new Date() },
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
      expect(pipeline.size).toBe(0);
      const byDossier = new Map(certificates.map((c) => [c.dossierId as string, c.code]));
      for (const [dossierId, decision] of decisions) {
        const dossier = dossiers.get(keys.dossier(scope, dossierId).pk);
        const marker = markers.get(keys.dossierCertificate(scope, dossierId).pk);
        expect(dossier?.status).toBe(decision);
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
        summary: { certified: certified.length, adjourned: CANDIDATES - certified.length },
      });
    });
  }
});
