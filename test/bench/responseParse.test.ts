/**
 * What serialising through the response schema costs (issue 13: every JSON response is the route's
 * schema parse of the handler's result, so nothing stored-only is sent): the two largest responses,
 * a page of 100 dossiers and the CléA référentiel, each requested through the local server and its
 * body parsed by its route's schema, interleaved in the same run.
 */
import type { RouteDefinition } from '@socle/contract/routeTypes';
import { routes } from '@socle/contract/routes';
import { responseBody } from '@socle/functions/middleware/response';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { dossierOpen } from '../support/samples.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';
import { median, printSummary } from './support/summary.ts';

const DOSSIERS = 100;
const ROUNDS = 60;
const WARMUP = 10;
/** The parse may add at most this share (%) of the request it serialises. */
const PARSE_SHARE_TARGET_PERCENT = 15;

const routeOf = (id: string) =>
  (routes as readonly RouteDefinition[]).find((r) => r.id === id) as RouteDefinition;

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  const { advisor } = world.a.tokens;
  for (let opened = 1; opened < DOSSIERS; opened += 5) {
    await Promise.all(
      Array.from({ length: Math.min(5, DOSSIERS - opened) }, async (_, i) =>
        expectStatus(
          await api.call('POST', '/dossiers', {
            token: advisor,
            body: dossierOpen(world.a.organismId, { lastName: `Durand${opened + i}` }),
          }),
          201,
          'open',
        ),
      ),
    );
  }
}, 600_000);
afterAll(() => api.stop());

const timed = async <T>(action: () => Promise<T> | T): Promise<[T, number]> => {
  const started = performance.now();
  const result = await action();
  return [result, performance.now() - started];
};

/** The request's and its body's parse times, median past the warm-up. */
const measure = async (routeId: string, path: string, token: string) => {
  const route = routeOf(routeId);
  const requests: number[] = [];
  const parses: number[] = [];
  let body: unknown;
  for (let round = 0; round < ROUNDS; round++) {
    const [response, requestMs] = await timed(() => api.call('GET', path, { token }));
    expect(response.status).toBe(200);
    body = response.body;
    const [, parseMs] = await timed(() => responseBody(route, body));
    requests.push(requestMs);
    parses.push(parseMs);
  }
  return { body, requestMs: median(requests.slice(WARMUP)), parseMs: median(parses.slice(WARMUP)) };
};

describe('Bench: response schema parse', () => {
  it('parses the largest responses for a small share of their request', async () => {
    const list = await measure('listDossiers', `/dossiers?limit=${DOSSIERS}`, world.a.tokens.admin);
    expect((list.body as { items: unknown[] }).items).toHaveLength(DOSSIERS);
    const referentiel = await measure(
      'getReferentiel',
      `/referentiels/${world.referentielId}`,
      world.a.tokens.admin,
    );
    const bytes = (body: unknown) => Math.round(JSON.stringify(body).length / 1024);
    printSummary('Response schema parse (through the local server, same run)', [
      { measure: `GET /dossiers (100, ${bytes(list.body)} KiB) p50`, value: list.requestMs, unit: 'ms' },
      { measure: 'its parse p50', value: list.parseMs, unit: 'ms' },
      {
        measure: 'parse / request (dossiers)',
        value: (100 * list.parseMs) / list.requestMs,
        unit: '%',
        target: PARSE_SHARE_TARGET_PERCENT,
      },
      {
        measure: `GET /referentiels/{id} (${bytes(referentiel.body)} KiB) p50`,
        value: referentiel.requestMs,
        unit: 'ms',
      },
      { measure: 'its parse p50', value: referentiel.parseMs, unit: 'ms' },
      {
        measure: 'parse / request (référentiel)',
        value: (100 * referentiel.parseMs) / referentiel.requestMs,
        unit: '%',
        target: PARSE_SHARE_TARGET_PERCENT,
      },
    ]);
    expect((100 * list.parseMs) / list.requestMs).toBeLessThanOrEqual(PARSE_SHARE_TARGET_PERCENT);
    expect((100 * referentiel.parseMs) / referentiel.requestMs).toBeLessThanOrEqual(
      PARSE_SHARE_TARGET_PERCENT,
    );
  });
});
