/**
 * The candidates whose erasure is due (SPEC §7), through the API: `GET /data-protection/due-erasures`
 * lists a candidate once every dossier of theirs is closed and the retention has run since the last
 * activity, oldest first, with a cursor; the retention in force applies at once; a reopened dossier,
 * an erasure take the candidate off the list; another network's candidates never appear.
 *
 * Dossiers are closed in the past through the data layer with an injected clock (`ctx.now`), the
 * same write path the API takes, so the index entry is the one the product writes.
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  db,
  keys,
  actingOn,
  platformScopeFor,
  reindexAllDormantCandidates,
  tableName,
  withdrawDossier,
} from '@socle/data';
import type { WriteContext } from '@socle/data';
import { DueErasureList, clockAt } from '@socle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { dossierOpen } from '../support/samples.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { NetworkWorld, World } from '../support/world.ts';

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const isoDay = (at: Date) => at.toISOString().slice(0, 10);
/** The default retention, 3 years, give or take a few days. */
const RETENTION_DAYS = 3 * 365;

/** The advisor of the network, acting at `now` (a past date: the dossier closed then). */
const advisorCtx = (network: NetworkWorld, now: Date): WriteContext => ({
  principal: {
    userId: network.userIds.advisor,
    roles: ['advisor'],
    organisms: [network.organismId],
    tenantId: network.tenantId,
    name: 'Alex Advisor',
  },
  requestId: 'due-erasures-test',
  clock: clockAt(now),
});

interface Opened {
  dossierId: string;
  candidateId: string;
  version: number;
  lastName: string;
}

const openFor = async (network: NetworkWorld, lastName: string): Promise<Opened> => {
  const { dossier, candidate } = expectStatus(
    await api.call('POST', '/dossiers', {
      token: network.tokens.advisor,
      body: dossierOpen(network.organismId, { lastName }),
    }),
    201,
    'open',
  );
  return { dossierId: dossier.id, candidateId: candidate.id, version: dossier.version, lastName };
};

/** Withdraws the dossier `days` ago, through the data layer's write (index entry included). */
const withdrawAgo = async (network: NetworkWorld, opened: Opened, days: number) => {
  const withdrawn = await withdrawDossier(
    actingOn(advisorCtx(network, daysAgo(days)), platformScopeFor(network.tenantId)),
    opened.dossierId,
    { version: opened.version, reason: 'Déménagement' },
  );
  return { ...opened, version: withdrawn.version };
};

const dueList = async (token: string, query = 'limit=100') =>
  DueErasureList.parse(
    expectStatus(await api.call('GET', `/data-protection/due-erasures?${query}`, { token }), 200, 'due list'),
  );

const dueIds = async (network: NetworkWorld) =>
  (await dueList(network.tokens.admin)).items.map((i) => i.candidateId);

describe('GET /data-protection/due-erasures', () => {
  it('lists a candidate once their dossier is closed and the retention has run, not before', async () => {
    // Prepare: one open dossier, one closed within the retention, one closed past it.
    const open = await openFor(world.a, 'Ouvert');
    const recent = await withdrawAgo(world.a, await openFor(world.a, 'Récent'), RETENTION_DAYS - 5);
    const before = await dueIds(world.a);
    const old = await withdrawAgo(world.a, await openFor(world.a, 'Ancien'), RETENTION_DAYS + 5);
    // Act
    const list = await dueList(world.a.tokens.admin);
    // Assess
    expect(before).not.toContain(old.candidateId);
    const ids = list.items.map((i) => i.candidateId);
    expect(ids).toContain(old.candidateId);
    expect(ids).not.toContain(open.candidateId);
    expect(ids).not.toContain(recent.candidateId);
    const lastActivityOn = isoDay(daysAgo(RETENTION_DAYS + 5));
    expect(list).toMatchObject({ retentionYears: 3 });
    expect(list.items.find((i) => i.candidateId === old.candidateId)).toEqual({
      candidateId: old.candidateId,
      firstName: 'Łukasz',
      lastName: 'Ancien',
      lastActivityOn,
      dueOn: `${Number(lastActivityOn.slice(0, 4)) + 3}${lastActivityOn.slice(4)}`,
      dossierId: old.dossierId,
    });
  });

  it('applies a new retention at once, both ways', async () => {
    // Prepare: a candidate closed 3 years and 5 days ago (due under 3 years, not under 4).
    const old = await withdrawAgo(world.a, await openFor(world.a, 'Réglage'), RETENTION_DAYS + 5);
    const settings = (await api.call('GET', '/data-protection/settings', { token: world.nationalToken }))
      .body;
    // Act
    const four = expectStatus(
      await api.call('PUT', '/data-protection/settings', {
        token: world.nationalToken,
        body: { retentionYears: 4, ...(settings.version ? { version: settings.version } : {}) },
      }),
      200,
      'retention 4',
    );
    const underFour = await dueList(world.a.tokens.admin);
    expectStatus(
      await api.call('PUT', '/data-protection/settings', {
        token: world.nationalToken,
        body: { retentionYears: 3, version: four.version },
      }),
      200,
      'retention 3',
    );
    const underThree = await dueList(world.a.tokens.admin);
    // Assess
    expect(underFour.retentionYears).toBe(4);
    expect(underFour.items.map((i) => i.candidateId)).not.toContain(old.candidateId);
    expect(underThree.items.map((i) => i.candidateId)).toContain(old.candidateId);
  });

  it('waits for every dossier of the candidate to be closed, and links the latest', async () => {
    // Prepare: a candidate holding two dossiers (the second moved over from another candidate).
    const scope = platformScopeFor(world.a.tenantId);
    const first = await openFor(world.a, 'Double');
    const second = await openFor(world.a, 'Double');
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.candidateDossier(scope, first.candidateId, second.dossierId),
          itemType: 'CandidateDossier',
          dossierId: second.dossierId,
        },
      }),
    );
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.dossier(scope, second.dossierId),
        UpdateExpression: 'SET candidateId = :c',
        ExpressionAttributeValues: { ':c': first.candidateId },
      }),
    );
    await db().send(
      new DeleteCommand({ TableName: tableName(), Key: keys.candidate(scope, second.candidateId) }),
    );
    // Act: the first closes (the other still open), then the second, earlier in time.
    await withdrawAgo(world.a, first, RETENTION_DAYS + 10);
    const oneClosed = await dueIds(world.a);
    await withdrawAgo(world.a, second, RETENTION_DAYS + 20);
    const bothClosed = await dueList(world.a.tokens.admin);
    // Assess
    expect(oneClosed).not.toContain(first.candidateId);
    const entries = bothClosed.items.filter((i) => i.candidateId === first.candidateId);
    expect(entries).toEqual([
      expect.objectContaining({
        dossierId: first.dossierId,
        lastActivityOn: isoDay(daysAgo(RETENTION_DAYS + 10)),
      }),
    ]);
  });

  it('drops a candidate whose dossier is reopened, and lists them again once closed', async () => {
    // Prepare
    const due = await withdrawAgo(world.a, await openFor(world.a, 'Rouvert'), RETENTION_DAYS + 5);
    const listed = await dueIds(world.a);
    // Act
    const reopened = expectStatus(
      await api.call('POST', `/dossiers/${due.dossierId}/reopen`, {
        token: world.a.tokens.advisor,
        body: { version: due.version },
      }),
      200,
      'reopen',
    );
    const afterReopen = await dueIds(world.a);
    await withdrawAgo(world.a, { ...due, version: reopened.dossier.version }, RETENTION_DAYS + 1);
    const afterClosing = await dueIds(world.a);
    // Assess
    expect(listed).toContain(due.candidateId);
    expect(afterReopen).not.toContain(due.candidateId);
    expect(afterClosing).toContain(due.candidateId);
  });

  it('drops a candidate once erased', async () => {
    // Prepare
    const due = await withdrawAgo(world.a, await openFor(world.a, 'Efface'), RETENTION_DAYS + 5);
    const listed = await dueIds(world.a);
    // Act
    expectStatus(
      await api.call('POST', `/candidates/${due.candidateId}/erasure`, {
        token: world.a.tokens.admin,
        body: { lastName: due.lastName },
      }),
      200,
      'erase',
    );
    // Assess
    expect(listed).toContain(due.candidateId);
    expect(await dueIds(world.a)).not.toContain(due.candidateId);
  });

  it('pages oldest first with a cursor', async () => {
    // Prepare: two more due candidates, older than any other of the network.
    const oldest = await withdrawAgo(world.a, await openFor(world.a, 'Premier'), RETENTION_DAYS + 400);
    const next = await withdrawAgo(world.a, await openFor(world.a, 'Second'), RETENTION_DAYS + 300);
    // Act
    const first = await dueList(world.a.tokens.admin, 'limit=1');
    const second = await dueList(world.a.tokens.admin, `limit=1&cursor=${first.cursor}`);
    const all = await dueList(world.a.tokens.admin);
    // Assess
    expect(first.items.map((i) => i.candidateId)).toEqual([oldest.candidateId]);
    expect(first.cursor).toBeDefined();
    expect(second.items.map((i) => i.candidateId)).toEqual([next.candidateId]);
    const days = all.items.map((i) => i.lastActivityOn);
    expect(days).toEqual([...days].sort());
    expect(all.cursor).toBeUndefined();
  });

  it("never lists another network's candidates, nor reads with its cursor", async () => {
    // Prepare: a due candidate in network A; B has none of its own.
    const dueInA = await withdrawAgo(world.a, await openFor(world.a, 'Isole'), RETENTION_DAYS + 5);
    const pageOfA = await dueList(world.a.tokens.admin, 'limit=1');
    // Act
    const listOfB = await dueList(world.b.tokens.admin);
    const withCursorOfA = await api.call('GET', `/data-protection/due-erasures?cursor=${pageOfA.cursor}`, {
      token: world.b.tokens.admin,
    });
    // Assess
    expect((await dueIds(world.a)).includes(dueInA.candidateId)).toBe(true);
    expect(listOfB.items).toEqual([]);
    expect(withCursorOfA.status).toBe(400);
    expect(withCursorOfA.body.fields).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it('answers 400 naming the parameter on a bad query', async () => {
    // Act
    const limit = await api.call('GET', '/data-protection/due-erasures?limit=0', {
      token: world.a.tokens.admin,
    });
    const cursor = await api.call('GET', '/data-protection/due-erasures?cursor=pas-un-curseur', {
      token: world.a.tokens.admin,
    });
    // Assess
    expect(limit.status).toBe(400);
    expect(limit.body.fields.map((f: { path: string }) => f.path)).toEqual(['limit']);
    expect(cursor.status).toBe(400);
    expect(cursor.body.fields.map((f: { path: string }) => f.path)).toEqual(['cursor']);
  });

  it('is rebuilt, network by network, from the closed dossiers for entries missing (data written before the index)', async () => {
    // Prepare: a due candidate whose entry is lost, and an open one given a stray entry.
    const scope = platformScopeFor(world.a.tenantId);
    const due = await withdrawAgo(world.a, await openFor(world.a, 'Reindexe'), RETENTION_DAYS + 5);
    const open = await openFor(world.a, 'Parasite');
    const stray = keys.dormantCandidate(scope, '2001-01-01', open.candidateId, open.dossierId);
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.candidate(scope, due.candidateId),
        UpdateExpression: 'REMOVE gsi4pk, gsi4sk',
      }),
    );
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.candidate(scope, open.candidateId),
        UpdateExpression: 'SET gsi4pk = :pk, gsi4sk = :sk',
        ExpressionAttributeValues: { ':pk': stray.gsi4pk, ':sk': stray.gsi4sk },
      }),
    );
    const lost = await dueIds(world.a);
    // Act
    const report = await reindexAllDormantCandidates();
    // Assess
    expect(report.map((network) => network.tenantId)).toEqual(
      expect.arrayContaining([world.a.tenantId, world.b.tenantId]),
    );
    expect(lost).not.toContain(due.candidateId);
    expect(lost).toContain(open.candidateId);
    const rebuilt = await dueIds(world.a);
    expect(rebuilt).toContain(due.candidateId);
    expect(rebuilt).not.toContain(open.candidateId);
    expect(report.find((network) => network.tenantId === world.a.tenantId)?.dormant).toBeGreaterThan(0);
  });

  it('is for the network admin: an advisor gets 403', async () => {
    const response = await api.call('GET', '/data-protection/due-erasures', {
      token: world.a.tokens.advisor,
    });
    expect(response.status).toBe(403);
  });
});
