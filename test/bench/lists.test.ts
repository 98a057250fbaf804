/**
 * Lists at network scale (issue 17): a network holding 2 000 dossiers (written straight into its
 * partition, as the indexes would hold them), read through the API as staff do. Measured in the
 * same run: a page of 25, a page searched by a rare name (filters drop nearly every item, so the
 * page reads ahead through many index pages), the bounded total (Select COUNT, never a scan), and the
 * CSV export of every dossier. Ratios to the plain page say what each costs.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, dossierItemOf, platformScopeFor, tableName } from '@socle/data';
import type { Dossier } from '@socle/domain';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';
import { median, printSummary } from './support/summary.ts';

const DOSSIERS = 2_000;
const RUNS = 15;
const FAMILY_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'];

let api: TestApi;
let world: World;

const timed = async (action: () => Promise<unknown>) => {
  const started = performance.now();
  await action();
  return performance.now() - started;
};

/** Median time of `RUNS` calls, after one warm-up call. */
const medianOf = async (action: () => Promise<unknown>) => {
  await action();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timed(action));
  return median(times);
};

beforeAll(async () => {
  // DynamoDB Local on a loaded machine may answer a 1 MB page past the deployed 1.4 s (as in the suite).
  process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS ??= '10000';
  api = await startTestApi();
  world = await buildWorld(api);
  const { dossier } = expectStatus(
    await api.call('GET', `/dossiers/${world.a.dossierId}`, { token: world.a.tokens.admin }),
    200,
    'model dossier',
  );
  const scope = platformScopeFor(world.a.tenantId);
  // Opened one after the other, a second apart, the oldest first (ids are ULIDs of their opening).
  const start = Date.now() - DOSSIERS * 1000;
  const items = Array.from({ length: DOSSIERS }, (_, i) => {
    const openedAt = new Date(start + i * 1000).toISOString();
    const copy: Dossier = {
      ...(dossier as Dossier),
      id: ulid(start + i * 1000),
      openedAt,
      statusChangedAt: openedAt,
      // One candidate in 500 bears the rare name the search looks for.
      candidate: {
        ...(dossier as Dossier).candidate,
        firstName: `Prénom${i}`,
        lastName: i % 500 === 0 ? 'Zéphyrin' : (FAMILY_NAMES[i % FAMILY_NAMES.length] as string),
      },
    };
    return dossierItemOf(scope, copy);
  });
  for (let i = 0; i < items.length; i += 25) {
    let requests: Record<string, unknown>[] | undefined = items
      .slice(i, i + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    while (requests?.length) {
      const result = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = result.UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
    }
  }
}, 600_000);
afterAll(() => api?.stop());

describe('Lists at 2 000 dossiers', () => {
  it('measures a page, a rare-name search, the total and the export in one run', async () => {
    const token = world.a.tokens.admin;
    const get = async (path: string) => expectStatus(await api.call('GET', path, { token }), 200, path);

    const page = await medianOf(() => get('/dossiers?limit=25'));
    const search = await medianOf(() => get('/dossiers?limit=25&q=zephyrin%20prenom'));
    const total = await medianOf(() => get('/totals/dossiers'));
    const exportTime = await timed(() => get('/dossiers.csv'));

    const counted = await get('/totals/dossiers');
    // Reads are bounded per request: a rare name may take more than one request to reach the oldest.
    const found: string[] = [];
    let requests = 0;
    let cursor: string | undefined;
    do {
      const page = await get(`/dossiers?limit=25&q=zephyrin%20prenom${cursor ? `&cursor=${cursor}` : ''}`);
      found.push(...page.items.map((d: { id: string }) => d.id));
      cursor = page.cursor;
      requests++;
    } while (cursor);
    const file = (await get('/dossiers.csv')) as string;
    printSummary(`Lists at ${DOSSIERS} dossiers (DynamoDB Local, medians of ${RUNS})`, [
      { measure: 'GET /dossiers (25) p50', value: page, unit: 'ms' },
      { measure: 'GET /dossiers?q=<rare> p50', value: search, unit: 'ms', note: '4 matches among 2 001' },
      { measure: 'GET /totals/dossiers p50', value: total, unit: 'ms' },
      { measure: 'GET /dossiers.csv', value: exportTime, unit: 'ms' },
      { measure: 'search / page', value: search / page, unit: '×' },
      { measure: 'total / page', value: total / page, unit: '×' },
      { measure: 'export / page', value: exportTime / page, unit: '×' },
      { measure: 'requests to find every rare match', value: requests, unit: '' },
    ]);

    expect(counted).toEqual({ total: DOSSIERS + 1, approximate: false });
    expect(found).toHaveLength(DOSSIERS / 500);
    expect(new Set(found).size).toBe(found.length);
    expect(file.trimEnd().split('\r\n')).toHaveLength(DOSSIERS + 2);
  }, 600_000);
});
