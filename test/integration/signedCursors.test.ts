/**
 * Pagination cursors are signed: a crafted cursor is a 400 naming `cursor` (it used to reach
 * DynamoDB and answer 500), a cursor the API gave pages on (real HTTP, DynamoDB Local).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Pagination cursors', () => {
  it.each([
    ['a start key of the right partition with made-up attributes', base64url({ gsi1pk: 'TENANTS', x: 'y' })],
    ['the same with a made-up signature', `${base64url({ gsi1pk: 'TENANTS', x: 'y' })}.c2lnbmF0dXJl`],
    ['no JSON at all', 'bm90IGpzb24'],
  ])('refuses %s with a 400 naming cursor', async (_what, cursor) => {
    // Act
    const response = await api.call('GET', `/tenants?cursor=${encodeURIComponent(cursor)}`, {
      token: world.nationalToken,
    });
    // Assess
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { path: string }) => f.path)).toEqual(['cursor']);
  });

  it('pages on with the cursor it gave', async () => {
    // Act
    const first = await api.call('GET', '/tenants?limit=1', { token: world.nationalToken });
    const second = await api.call('GET', `/tenants?limit=1&cursor=${encodeURIComponent(first.body.cursor)}`, {
      token: world.nationalToken,
    });
    // Assess
    expect(first.body.cursor).toEqual(expect.any(String));
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });
});
