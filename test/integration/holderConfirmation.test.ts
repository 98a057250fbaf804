/**
 * Public confirmation of a certificate holder's name, over real HTTP and DynamoDB Local: it answers
 * "the name matches" and nothing else (no birth-date channel), attempts are limited per client and
 * per code, and a code whose name was missed too often is locked for a while. Each limit has its
 * own certificate, since the counters are per code.
 */
import { CONFIRMATION_LIMITS } from '@socle/domain';
import {
  ORIGIN_SECRET_ENV,
  ORIGIN_SECRET_HEADER,
  VIEWER_ADDRESS_HEADER,
} from '@socle/functions/clientAddress';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import { buildWorld } from '../support/world.ts';

const SECRET = 'origin-secret-of-the-confirmation-tests';

let api: TestApi;
const codes: string[] = [];
/** The certificate of each test (built in beforeAll). */
const code = (i: number) => codes[i] as string;

/** A viewer CloudFront vouches for: each address has its own quotas. */
const viewer = (n: number) => ({
  [VIEWER_ADDRESS_HEADER]: `203.0.113.${n}:443`,
  [ORIGIN_SECRET_HEADER]: SECRET,
});

const confirm = (code: string, body: unknown, viewerNumber: number) =>
  api.call('POST', `/public/certificates/${code}/confirm`, { body, headers: viewer(viewerNumber) });

beforeAll(async () => {
  api = await startTestApi();
  process.env[ORIGIN_SECRET_ENV] = SECRET;
  const world = await buildWorld(api);
  const jury = await buildJury(api, world.nationalToken, '11');
  for (const lastName of ['Durand', 'Lefèvre', 'Nguyen', 'Moreau']) {
    codes.push((await certifyThroughJury(api, world.a, jury, { firstName: 'Inès', lastName })).code);
  }
});
afterAll(async () => {
  delete process.env[ORIGIN_SECRET_ENV];
  await api.stop();
});

beforeEach(async () => {
  // The windows are fixed (10 minutes, an hour): keep each test inside one.
  const intoWindow = (Date.now() / 1000) % 600;
  if (intoWindow > 585) await new Promise((r) => setTimeout(r, (601 - intoWindow) * 1000));
});

describe('Holder confirmation', () => {
  it('answers on the last name alone: a birth date is refused as bad input naming the field', async () => {
    // Act
    const withDate = await confirm(code(0), { lastName: 'Durand', birthDate: '1990-01-01' }, 1);
    const alone = await confirm(code(0), { lastName: 'durand' }, 1);
    // Assess
    expect(withDate.status).toBe(400);
    expect(withDate.body.fields[0].message).toContain('birthDate');
    expect(alone.body).toEqual({ match: true, fullName: 'Inès Durand' });
  });

  it('locks a code after five misses from any clients: even the right name is refused, in French', async () => {
    // Prepare: five wrong names, each from another address.
    const misses: unknown[] = [];
    for (let n = 0; n < CONFIRMATION_LIMITS.maxMisses; n++) {
      misses.push((await confirm(code(1), { lastName: `Martin${n}` }, 10 + n)).body);
    }
    // Act
    const right = await confirm(code(1), { lastName: 'Lefevre' }, 20);
    // Assess
    expect(misses).toEqual(Array(CONFIRMATION_LIMITS.maxMisses).fill({ match: false }));
    expect(right.status).toBe(409);
    expect(right.body.error).toBe('confirmation_locked');
    expect(right.body.message).toMatch(/suspendue\. Réessayez dans (60|59) minutes/);
    expect((await api.call('GET', `/public/certificates/${code(1)}`, { headers: viewer(21) })).status).toBe(
      200,
    );
    // Another code is not locked.
    expect((await confirm(code(0), { lastName: 'Durand' }, 20)).body.match).toBe(true);
  });

  it("limits one client's attempts across codes: past the quota, 429 with Retry-After", async () => {
    // Prepare: the right name every time (no lock), on two codes, from one address.
    const { limit } = CONFIRMATION_LIMITS.perClient;
    const statuses: number[] = [];
    for (let n = 0; n < limit; n++) {
      statuses.push(
        (await confirm(code(n % 2 ? 2 : 0), { lastName: n % 2 ? 'Nguyen' : 'Durand' }, 30)).status,
      );
    }
    // Act
    const over = await confirm(code(2), { lastName: 'Nguyen' }, 30);
    const otherClient = await confirm(code(2), { lastName: 'Nguyen' }, 31);
    // Assess
    expect(statuses).toEqual(Array(limit).fill(200));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(otherClient.status).toBe(200);
  });

  it('limits the attempts on one code from many clients, right names included', async () => {
    // Prepare
    const { limit } = CONFIRMATION_LIMITS.perCode;
    const statuses: number[] = [];
    for (let n = 0; n < limit; n++) {
      statuses.push((await confirm(code(3), { lastName: 'Moreau' }, 100 + n)).status);
    }
    // Act
    const over = await confirm(code(3), { lastName: 'Moreau' }, 200);
    // Assess
    expect(statuses).toEqual(Array(limit).fill(200));
    expect(over.status).toBe(409);
    expect(over.body.error).toBe('confirmation_locked');
  });
});
