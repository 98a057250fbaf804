/** Optimistic concurrency (409, no lost write) and idempotent creates, against DynamoDB Local. */
import { randomUUID } from 'node:crypto';
import { findStoredResponse, idempotencyPut, transact } from '@socle/data';
import type { IdempotencyRequest } from '@socle/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { dossierOpen, organismCreate, userInvite } from '../support/samples.ts';
import { buildWorld, expectStatus, tokenOfLogin } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

describe('Optimistic concurrency', () => {
  it('two concurrent edits from the same version: one wins, the other gets 409, nothing is lost', async () => {
    // Prepare
    const token = world.a.tokens.admin;
    const created = (await api.call('POST', '/organisms', { token, body: organismCreate() })).body;
    // Act
    const [first, second] = await Promise.all([
      api.call('PATCH', `/organisms/${created.id}`, { token, body: { version: 1, name: 'Nom A' } }),
      api.call('PATCH', `/organisms/${created.id}`, { token, body: { version: 1, city: 'Lyon' } }),
    ]);
    // Assess
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body).toMatchObject({ error: 'version_conflict', currentVersion: 2 });
    const stored = (await api.call('GET', `/organisms/${created.id}`, { token })).body;
    expect(stored.version).toBe(2);
    const winner = first.status === 200 ? first : second;
    expect(stored).toEqual(winner.body);
  });

  it('an edit based on an old version is refused with the current version', async () => {
    const token = world.a.tokens.advisor;
    const detail = (await api.call('POST', '/dossiers', { token, body: dossierOpen(world.a.organismId) }))
      .body;
    const path = `/dossiers/${detail.dossier.id}`;
    expect((await api.call('PATCH', path, { token, body: { version: 1, funding: 'poe' } })).status).toBe(200);
    const stale = await api.call('PATCH', path, { token, body: { version: 1, funding: 'other' } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    expect((await api.call('GET', path, { token })).body.dossier.funding).toBe('poe');
  });
});

describe('Idempotency-Key', () => {
  const countByName = async (token: string, lastName: string) =>
    (await api.call('GET', `/dossiers?q=${encodeURIComponent(lastName)}&limit=100`, { token })).body.items
      .length;

  it('the same create sent twice with one key opens one dossier and replays the first answer', async () => {
    const token = world.a.tokens.advisor;
    const lastName = `Idem${randomUUID().slice(0, 6)}`;
    const body = dossierOpen(world.a.organismId, { lastName });
    const headers = { 'idempotency-key': randomUUID() };
    const first = await api.call('POST', '/dossiers', { token, body, headers });
    const second = await api.call('POST', '/dossiers', { token, body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await countByName(token, lastName)).toBe(1);
  });

  it('concurrent retries with one key still create exactly once', async () => {
    const token = world.a.tokens.advisor;
    const lastName = `Race${randomUUID().slice(0, 6)}`;
    const body = dossierOpen(world.a.organismId, { lastName });
    const headers = { 'idempotency-key': randomUUID() };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => api.call('POST', '/dossiers', { token, body, headers })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.dossier.id)).size).toBe(1);
    expect(await countByName(token, lastName)).toBe(1);
  });

  it('the same key with another body is refused (422) and creates nothing', async () => {
    const token = world.a.tokens.advisor;
    const key = randomUUID();
    const lastName = `Other${randomUUID().slice(0, 6)}`;
    await api.call('POST', '/dossiers', {
      token,
      body: dossierOpen(world.a.organismId),
      headers: { 'idempotency-key': key },
    });
    const reused = await api.call('POST', '/dossiers', {
      token,
      body: dossierOpen(world.a.organismId, { lastName }),
      headers: { 'idempotency-key': key },
    });
    expect(reused.status).toBe(422);
    expect(await countByName(token, lastName)).toBe(0);
  });

  it('the same key from two networks is two different requests', async () => {
    const key = randomUUID();
    const a = await api.call('POST', '/organisms', {
      token: world.a.tokens.admin,
      body: organismCreate('Même clé'),
      headers: { 'idempotency-key': key },
    });
    const b = await api.call('POST', '/organisms', {
      token: world.b.tokens.admin,
      body: organismCreate('Même clé'),
      headers: { 'idempotency-key': key },
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
  });

  it("the same key from another user of the network is a new request, never a replay of the other's answer", async () => {
    // Prepare: a second network admin of network A.
    const second = expectStatus(
      await api.call('POST', '/users', {
        token: world.a.tokens.admin,
        body: userInvite(['network_admin'], []),
      }),
      201,
      'second admin',
    );
    const secondToken = await tokenOfLogin(api, second.id);
    const key = randomUUID();
    const body = organismCreate(`Clé partagée ${key.slice(0, 6)}`);
    // Act
    const mine = await api.call('POST', '/organisms', {
      token: world.a.tokens.admin,
      body,
      headers: { 'idempotency-key': key },
    });
    const theirs = await api.call('POST', '/organisms', {
      token: secondToken,
      body,
      headers: { 'idempotency-key': key },
    });
    // Assess
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('the same key on another route is a new request', async () => {
    // Prepare
    const headers = { 'idempotency-key': randomUUID() };
    const token = world.a.tokens.admin;
    // Act
    const organism = await api.call('POST', '/organisms', { token, body: organismCreate(), headers });
    const user = await api.call('POST', '/users', {
      token,
      body: userInvite(['network_admin'], []),
      headers,
    });
    // Assess
    expect(organism.status).toBe(201);
    expect(user.status).toBe(201);
    expect(user.headers.get('idempotent-replayed')).toBeNull();
    expect(user.body.email).toEqual(expect.any(String));
  });

  it('an expired record (not yet removed by TTL) is neither replayed nor in the way of a new one', async () => {
    // Prepare: a record stored 25 hours ago (the TTL is 24 hours).
    const request: IdempotencyRequest = {
      scopeKey: `T#${world.a.tenantId}`,
      userId: world.a.userIds.admin,
      routeId: 'createOrganism',
      key: randomUUID(),
      requestHash: 'h',
    };
    const dayAndHourAgo = new Date(Date.now() - 25 * 3600 * 1000);
    await transact([idempotencyPut(request, { statusCode: 201, body: { old: true } }, dayAndHourAgo)]);
    // Act
    const found = await findStoredResponse(request);
    await transact([idempotencyPut(request, { statusCode: 201, body: { fresh: true } }, new Date())]);
    // Assess
    expect(found).toBeUndefined();
    expect(await findStoredResponse(request)).toEqual({ statusCode: 201, body: { fresh: true } });
  });
});
