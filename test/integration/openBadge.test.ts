/**
 * Open Badges 3.0 as a third-party wallet judges them: every exported credential valid against the
 * official AchievementCredential JSON schema (VC 2.0 build) and the rules it does not encode (a
 * salted, hashed subject identifier; no expiry; a W3C Bitstring Status List entry whose signed list
 * shows a revocation); the signing keys secret refused clearly while it is not a key pair, and read
 * again once it is.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
} from 'jose';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';

const schema = JSON.parse(
  readFileSync(
    new URL('../fixtures/openBadges/ob3-achievementcredential.schema.json', import.meta.url),
    'utf8',
  ),
);
// biome-ignore lint/suspicious/noExplicitAny: ajv's CommonJS default export under NodeNext
const ajv = new (Ajv2019 as any)({ strict: false, allErrors: true });
// biome-ignore lint/suspicious/noExplicitAny: same
(addFormats as any)(ajv);
const validateAchievementCredential = ajv.compile(schema);

let api: TestApi;
let world: World;
let jury: Jury;
let code: string;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
  ({ code } = await certifyThroughJury(api, world.a, jury, { firstName: 'Inès', lastName: 'Lefèvre' }));
});
afterAll(() => {
  delete process.env.CREDENTIAL_SIGNING_KEYS;
  return api.stop();
});

/**
 * The rules every exported credential meets, whatever the test: the OB 3.0 schema, a subject
 * identified, no expiry, a Bitstring Status List entry (the first test details each).
 */
const expectOpenBadge = (credential: string) => {
  const payload = decodeJwt(credential);
  const vc = payload.vc as {
    credentialSubject: { id?: string; identifier?: unknown[] };
    credentialStatus: { type: string; statusPurpose: string };
    validUntil?: string;
  };
  expect(validateAchievementCredential(vc), JSON.stringify(validateAchievementCredential.errors)).toBe(true);
  expect(vc.credentialSubject.id ?? vc.credentialSubject.identifier?.[0]).toBeDefined();
  expect(payload.exp).toBeUndefined();
  expect(vc.validUntil).toBeUndefined();
  expect(vc.credentialStatus).toMatchObject({
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
  });
};

const exportOf = async (certificateCode: string) => {
  const response = await api.call('GET', `/certificates/${certificateCode}/credential`, {
    token: world.a.tokens.advisor,
  });
  expect(response.status).toBe(200);
  expectOpenBadge(response.body.credential);
  return response.body.credential as string;
};

/** The status list a credential points to, fetched at its URL's path and verified with the JWKS. */
const statusListOf = async (statusListCredential: string) => {
  const response = await fetch(`${api.url}${new URL(statusListCredential).pathname}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vc+jwt');
  const jwt = await response.text();
  const jwks = (await api.call('GET', '/.well-known/jwks.json')).body as JSONWebKeySet;
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks));
  return payload as unknown as {
    type: string[];
    issuer: string;
    credentialSubject: { type: string; statusPurpose: string; encodedList: string };
  };
};

/** The bit of `index` in a W3C encoded list (multibase base64url of GZIP, bit 0 leftmost). */
const bitOf = (encodedList: string, index: number) => {
  expect(encodedList.startsWith('u')).toBe(true);
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  expect(bits.length).toBe(16_384);
  return ((bits[index >> 3] as number) >> (7 - (index & 7))) & 1;
};

describe('Signing keys secret (not a key pair)', () => {
  // First in the file: the keys are read on first use, and a failure must not be kept.
  it('answers 503 naming the problem while it holds the placeholder, and works once it is fixed', async () => {
    process.env.CREDENTIAL_SIGNING_KEYS = '{"status":"not_configured"}';
    const jwks = await api.call('GET', '/.well-known/jwks.json');
    expect(jwks.status).toBe(503);
    expect(jwks.body.error).toBe('service_unavailable');
    expect(jwks.body.message).toContain('signing keys not configured');
    expect(jwks.body.message).toContain('ne sont pas configurées');
    const exported = await api.call('GET', `/certificates/${code}/credential`, {
      token: world.a.tokens.advisor,
    });
    expect(exported.status).toBe(503);

    // What npm run -s credentials:keys prints.
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    process.env.CREDENTIAL_SIGNING_KEYS = JSON.stringify({
      kid: 'test-keys',
      privateJwk: { ...(await exportJWK(privateKey)), kid: 'test-keys', alg: 'EdDSA' },
      publicJwk: { ...(await exportJWK(publicKey)), kid: 'test-keys', alg: 'EdDSA', use: 'sig' },
    });
    const fixed = await api.call('GET', '/.well-known/jwks.json');
    expect(fixed.status).toBe(200);
    expect(fixed.body.keys).toHaveLength(1);
  });
});

describe('Exported credential', () => {
  it('is a valid OB 3.0 AchievementCredential and meets the rules the schema does not encode', async () => {
    const credential = await exportOf(code);
    const payload = decodeJwt(credential) as Record<string, unknown> & {
      vc: Record<string, unknown>;
    };
    expect(decodeProtectedHeader(credential)).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    const vc = payload.vc as {
      issuer: { id: string };
      credentialSubject: { id?: string; identifier?: Record<string, unknown>[]; name?: string };
      credentialStatus: Record<string, string>;
      validUntil?: string;
    };
    const valid = validateAchievementCredential(vc);
    expect(validateAchievementCredential.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The same claims at the top level (VC 2.0 JOSE) are valid too.
    const { vc: _, iss, jti, iat, nbf, ...topLevel } = payload;
    expect(validateAchievementCredential(topLevel)).toBe(true);

    // No expiry: a CléA certificate never expires.
    expect(payload.exp).toBeUndefined();
    expect(vc.validUntil).toBeUndefined();
    // The JWT's iss is the issuer profile's id (OB 3.0, JWT proof).
    expect(iss).toBe(vc.issuer.id);

    // The subject: a salted, hashed identifier that whoever knows the name can check; no name in clear.
    expect(vc.credentialSubject.id ?? vc.credentialSubject.identifier).toBeDefined();
    expect(vc.credentialSubject.name).toBeUndefined();
    expect(JSON.stringify(vc)).not.toContain('Lefèvre');
    const [identity] = vc.credentialSubject.identifier as [
      { type: string; identityType: string; hashed: boolean; identityHash: string; salt: string },
    ];
    expect(identity).toMatchObject({ type: 'IdentityObject', identityType: 'name', hashed: true });
    expect(identity.salt.length).toBeGreaterThanOrEqual(16);
    const expected = createHash('sha256').update(`inès lefèvre${identity.salt}`, 'utf8').digest('hex');
    expect(identity.identityHash).toBe(`sha256$${expected}`);

    // A standard status method: a W3C Bitstring Status List entry, for revocation.
    expect(vc.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
      statusListCredential: expect.stringMatching(/\/public\/credentials\/status\/\d+$/),
    });
    expect(vc.credentialStatus.id).toBe(
      `${vc.credentialStatus.statusListCredential}#${vc.credentialStatus.statusListIndex}`,
    );
  });

  it('keeps its status index and salt from one export to the next; another certificate gets another index', async () => {
    const first = decodeJwt(await exportOf(code)).vc as Record<string, Record<string, unknown>>;
    const again = decodeJwt(await exportOf(code)).vc as Record<string, Record<string, unknown>>;
    expect(again.credentialStatus).toEqual(first.credentialStatus);
    expect(again.credentialSubject).toEqual(first.credentialSubject);
    const other = await certifyThroughJury(api, world.a, jury);
    const otherVc = decodeJwt(await exportOf(other.code)).vc as Record<string, Record<string, unknown>>;
    expect(otherVc.credentialStatus?.statusListIndex).not.toBe(first.credentialStatus?.statusListIndex);
  });

  it('allocates one index when exported several times at once', async () => {
    const { code: fresh } = await certifyThroughJury(api, world.a, jury);
    const credentials = await Promise.all(Array.from({ length: 6 }, () => exportOf(fresh)));
    const indices = new Set(
      credentials.map(
        (c) =>
          (decodeJwt(c).vc as { credentialStatus: { statusListIndex: string } }).credentialStatus
            .statusListIndex,
      ),
    );
    expect(indices.size).toBe(1);
  });
});

describe('Status list', () => {
  it('is a signed BitstringStatusListCredential where a revocation shows', async () => {
    const { code: revocable } = await certifyThroughJury(api, world.a, jury);
    const vc = decodeJwt(await exportOf(revocable)).vc as { credentialStatus: Record<string, string> };
    const index = Number(vc.credentialStatus.statusListIndex);
    const before = await statusListOf(vc.credentialStatus.statusListCredential as string);
    expect(before.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(before.credentialSubject).toMatchObject({
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
    });
    expect(bitOf(before.credentialSubject.encodedList, index)).toBe(0);

    const revoked = await api.call('POST', `/certificates/${revocable}/revoke`, {
      token: world.nationalToken,
      body: { reason: 'Erreur de saisie du jury' },
    });
    expect(revoked.status).toBe(200);
    const after = await statusListOf(vc.credentialStatus.statusListCredential as string);
    expect(bitOf(after.credentialSubject.encodedList, index)).toBe(1);
    // The others' bits are untouched.
    const mine = decodeJwt(await exportOf(code)).vc as { credentialStatus: Record<string, string> };
    expect(bitOf(after.credentialSubject.encodedList, Number(mine.credentialStatus.statusListIndex))).toBe(0);
  });

  it('a certificate revoked before its first export gets its bit set with its index', async () => {
    const { code: early } = await certifyThroughJury(api, world.a, jury);
    const revoked = await api.call('POST', `/certificates/${early}/revoke`, {
      token: world.nationalToken,
      body: { reason: 'Fraude constatée' },
    });
    expect(revoked.status).toBe(200);
    const vc = decodeJwt(await exportOf(early)).vc as { credentialStatus: Record<string, string> };
    const list = await statusListOf(vc.credentialStatus.statusListCredential as string);
    expect(bitOf(list.credentialSubject.encodedList, Number(vc.credentialStatus.statusListIndex))).toBe(1);
  });

  it('a revocation racing the first export still reaches the list (the loser is refused or retried, never half-written)', async () => {
    for (let round = 0; round < 3; round++) {
      const { code: raced } = await certifyThroughJury(api, world.a, jury);
      const revoke = () =>
        api.call('POST', `/certificates/${raced}/revoke`, {
          token: world.nationalToken,
          body: { reason: 'Erreur de saisie du jury' },
        });
      const [exported, first] = await Promise.all([
        api.call('GET', `/certificates/${raced}/credential`, { token: world.a.tokens.advisor }),
        revoke(),
      ]);
      expect(exported.status).toBe(200);
      expectOpenBadge(exported.body.credential);
      // The revocation read no index and an export allocated one meanwhile: refused, then retried.
      if (first.status !== 200) expect(first.body.error).toBe('certificate_changed');
      expect(first.status === 200 ? 200 : (await revoke()).status).toBe(200);
      const vc = decodeJwt(await exportOf(raced)).vc as { credentialStatus: Record<string, string> };
      const list = await statusListOf(vc.credentialStatus.statusListCredential as string);
      expect(bitOf(list.credentialSubject.encodedList, Number(vc.credentialStatus.statusListIndex))).toBe(1);
    }
  });

  it('answers 404 for a list never allocated and 400 naming the parameter for a bad one', async () => {
    expect((await api.call('GET', '/public/credentials/status/999')).status).toBe(404);
    const bad = await api.call('GET', '/public/credentials/status/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('list');
  });
});
