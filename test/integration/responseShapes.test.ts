/**
 * Nothing stored-only reaches a response (issue 13): every JSON GET route of the table, called with
 * each of its roles on a world with a certified dossier (jury session, certificate, paper copy), a
 * dossier waiting for the jury and published référentiel, answers only keys its response schema
 * names, at any depth; and no storage attribute (keys, index keys, search fields) appears anywhere,
 * even under a record whose keys the schema leaves free, nor in an idempotent replay.
 */
import type { Role } from '@socle/domain';
import type { RouteDefinition } from '@socle/contract/routeTypes';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury, submittedDossier } from '../support/jury.ts';
import { dossierOpen } from '../support/samples.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';
import { allRoutes, pathIn } from './routeCoverage.ts';

/** Attribute names the data layer writes for itself: never part of any response. */
const STORAGE_ATTRIBUTE = /^(pk|sk|gsi\d+(pk|sk)|searchName|itemType|expiresAt|ttl)$/;

/** Query strings the GET routes need (the others take their defaults). */
const querySamples: Record<string, (month: string) => string> = {
  getVolumes: (month) => `?from=${month}&to=${month}`,
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The paths of `sent`'s keys that `parsed` (the schema's parse of it, which drops the keys the
 * schema does not name) lacks, depth first.
 */
const keysOutsideSchema = (sent: unknown, parsed: unknown, path = '$'): string[] => {
  if (Array.isArray(sent)) {
    return sent.flatMap((item, i) =>
      keysOutsideSchema(item, Array.isArray(parsed) ? parsed[i] : undefined, `${path}[${i}]`),
    );
  }
  if (!isObject(sent)) return [];
  return Object.entries(sent).flatMap(([key, value]) =>
    isObject(parsed) && key in parsed
      ? keysOutsideSchema(value, parsed[key], `${path}.${key}`)
      : [`${path}.${key}`],
  );
};

/** Every key path anywhere in `value` whose name is a storage attribute. */
const storageAttributes = (value: unknown, path = '$'): string[] => {
  if (Array.isArray(value)) return value.flatMap((item, i) => storageAttributes(item, `${path}[${i}]`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(STORAGE_ATTRIBUTE.test(key) ? [`${path}.${key}`] : []),
    ...storageAttributes(child, `${path}.${key}`),
  ]);
};

/** One entry per key whatever the array item it was found in: `$.items[].searchName`. */
const distinct = (paths: string[]) => [...new Set(paths.map((p) => p.replace(/\[\d+\]/g, '[]')))].join(' ');

let api: TestApi;
let world: World;
let tokens: Record<Role, string>;
let ids: Record<string, string>;
/** The certified dossier, read through its jury session (network routes read `world.a.dossierId`, with a training plan). */
let juryDossierId: string;
const month = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  const jury = await buildJury(api, world.nationalToken, '11');
  const { dossier, code } = await certifyThroughJury(api, world.a, jury);
  await submittedDossier(api, world);
  expectStatus(
    await api.call('POST', `/certificates/${code}/paper-copy`, {
      token: world.a.tokens.advisor,
      body: {
        recipient: {
          name: 'Camille Durand',
          addressLine: '12 rue des Lilas',
          postalCode: '75011',
          city: 'Paris',
        },
      },
    }),
    200,
    'request paper copy',
  );
  const sessions = expectStatus(
    await api.call('GET', '/jury/sessions', { token: jury.secretary.token }),
    200,
    'list sessions',
  );
  tokens = {
    national_admin: world.nationalToken,
    network_admin: world.a.tokens.admin,
    advisor: world.a.tokens.advisor,
    evaluator: world.a.tokens.evaluator,
    trainer: world.a.tokens.trainer,
    jury_secretary: jury.secretary.token,
    jury_member: jury.employer.token,
  };
  ids = { code, sessionId: sessions.items[0].id, month };
  juryDossierId = dossier.id;
}, 600_000);
afterAll(() => api.stop());

const jsonGetRoutes = allRoutes.filter((route) => route.method === 'GET' && !route.response.contentType);

/** Every (route, role) pair to call; a public route once, without a token. */
const calls = jsonGetRoutes.flatMap((route) => (route.roles ?? [undefined]).map((role) => ({ route, role })));

const callAs = async (route: RouteDefinition, role: Role | undefined) => {
  const dossier: Record<string, string> = route.path.startsWith('/jury/') ? { dossierId: juryDossierId } : {};
  const path = pathIn(route, world.a, { ...ids, ...dossier }) + (querySamples[route.id]?.(month) ?? '');
  const response = await api.call('GET', path, { token: role && tokens[role] });
  return { path, response };
};

describe('Responses carry only what their schema names', () => {
  it.each(calls.map(({ route, role }) => [route.id, role ?? 'public', route, role] as const))(
    '%s as %s',
    async (_id, _who, route, role) => {
      const { path, response } = await callAs(route, role);
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(route.response.status);
      const parsed = (route.response.schema as z.ZodType).safeParse(response.body);
      expect(parsed.error?.issues ?? [], `${path} answers what its schema accepts`).toEqual([]);
      expect(
        distinct(keysOutsideSchema(response.body, parsed.data)),
        `${path}: keys outside the schema`,
      ).toBe('');
      expect(distinct(storageAttributes(response.body)), `${path}: storage attributes`).toBe('');
    },
  );
});

describe('Idempotent replays', () => {
  it('replay the stored response shaped by the schema, as the first answer was', async () => {
    const headers = { 'idempotency-key': `shape-${Date.now()}` };
    const send = () =>
      api.call('POST', '/dossiers', {
        token: world.a.tokens.advisor,
        body: dossierOpen(world.a.organismId, { lastName: 'Rejoué' }),
        headers,
      });
    const first = await send();
    const replay = await send();
    expect(first.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(distinct(storageAttributes(replay.body))).toBe('');
  });
});
