/**
 * Closing a jury session of 1,000 certified candidates through the API, as the secretary's screen
 * does it: `POST /jury/sessions/{id}/close` again while decisions remain (each call works 20 s at
 * most). The decided session is written directly, as in test/integration/juryClosing.test.ts:
 * what is measured is the closing (a certificate, a dossier transition and the audit per candidate).
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, dossierItemOf, keys, platformScopeFor, tableName } from '@socle/data';
import type { AgendaEntry, Dossier, JuryDossierView } from '@socle/domain';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildJury, sessionDay } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';
import { printSummary } from './support/summary.ts';

const CANDIDATES = 1_000;

let api: TestApi;
let world: World;
let jury: Jury;
/** As deployed (infra StatelessStack): the closing's 20 s budget per call relies on it. */

const batchWrite = async (items: Record<string, unknown>[]) => {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [tableName()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length) {
      const result = await db().send(new BatchWriteCommand({ RequestItems: request }));
      request = result.UnprocessedItems as typeof request;
    }
  }
};

/** A planned session whose agenda holds `CANDIDATES` dossiers, each decided "certified". */
const decidedSession = async () => {
  const template: Dossier = (
    await api.call('GET', `/dossiers/${world.a.dossierId}`, { token: world.a.tokens.admin })
  ).body.dossier;
  const session = expectStatus(
    await api.call('POST', '/jury/sessions', {
      token: jury.secretary.token,
      body: {
        // Closing happens on the session's day (a jury never closes before its date).
        date: sessionDay('11'),
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
  for (let i = 0; i < CANDIDATES; i++) {
    const dossier: Dossier = { ...template, id: ulid(), status: 'on_jury_agenda', version: 7 };
    const present = [jury.employer.userId, jury.employee.userId];
    const ballots = { [jury.employer.userId]: 'certify', [jury.employee.userId]: 'certify' } as const;
    const entry: AgendaEntry = {
      sessionId: session.id,
      dossierId: dossier.id,
      tenantId: world.a.tenantId,
      view: {
        dossierId: dossier.id,
        candidate: dossier.candidate,
        networkName: 'Réseau A',
      } as unknown as JuryDossierView,
      conflicts: [],
      votes: ballots,
      // A decision as the voters took it (closing checks it again against its own record).
      decision: {
        decision: 'certified',
        reason: null,
        decidedAt: new Date().toISOString(),
        decidedBy: jury.secretary.userId,
        votes: { certify: 2, adjourn: 0 },
        present,
        voters: present,
        conflicted: [],
        colleges: { [jury.employer.userId]: 'employer', [jury.employee.userId]: 'employee' },
        ballots,
        required: 2,
        rules: { minPerCollege: 1, parity: true, majority: 'absolute', version: 0 },
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
  return session.id as string;
};

/** How many certificates the session issued (gsi1 "certificatesBySession"). */
const certificateCount = async (sessionId: string) => {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `CERTS#SESSION#${sessionId}` },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
};

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
});
afterAll(() => api.stop());

describe('Bench: closing a jury session', () => {
  it(`closes ${CANDIDATES} certified candidates through the API`, async () => {
    // Prepare
    const seeded = performance.now();
    const sessionId = await decidedSession();
    const seedMs = performance.now() - seeded;
    // Act
    const started = performance.now();
    const calls: number[] = [];
    let remaining = Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const callStarted = performance.now();
      const summary = expectStatus(
        await api.call('POST', `/jury/sessions/${sessionId}/close`, { token: jury.secretary.token }),
        200,
        'close',
      );
      calls.push(performance.now() - callStarted);
      remaining = summary.remaining;
      if (calls.length > 20) throw new Error('the closing does not progress');
    }
    const totalMs = performance.now() - started;
    // Assess
    const issued = await certificateCount(sessionId);
    printSummary(`Jury closing of ${CANDIDATES} certified candidates through the local API`, [
      { measure: 'closing, total', value: totalMs / 1000, unit: 's', note: `${calls.length} close calls` },
      { measure: 'closing, per certificate', value: totalMs / issued, unit: 'ms' },
      { measure: 'certificates issued', value: issued, unit: 'count' },
      { measure: 'seeding the decided session (not part of the closing)', value: seedMs / 1000, unit: 's' },
    ]);
    expect(issued).toBe(CANDIDATES);
  });
});
