/**
 * Certificates and public verification: the public contract (nothing more), typos caught before any
 * lookup, name confirmation, revocation shown at once, the rate limit, Open Badges credentials
 * checked with the published keys alone.
 */
import { PublicCertificate } from '@socle/contract/routes/certificates';
import { consumeRateLimit } from '@socle/data';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
let code: string;
/** The day of the session that certified (today in the jury's region): the certificate's date. */
let sessionDate: string;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  const jury = await buildJury(api, world.nationalToken, '11');
  ({ code, sessionDate } = await certifyThroughJury(api, world.a, jury, {
    firstName: 'Łukasz',
    lastName: 'Öztürk-N’Diaye',
  }));
});
afterAll(() => api.stop());

describe('Rate limit', () => {
  it('refuses the request past the limit with Retry-After; malformed codes count too', async () => {
    // First public calls of this file (its counter starts at 0), away from a minute boundary.
    if (new Date().getUTCSeconds() > 55) await new Promise((r) => setTimeout(r, 6000));
    process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '5';
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<TestApi['call']>> | undefined;
      for (let i = 0; i < 6; i++) {
        last = await api.call('GET', `/public/certificates/${i % 2 ? 'XYZ' : code}`, {
          headers: { 'x-forwarded-for': 'ignored' },
        });
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
      expect(statuses[5]).toBe(429);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '1000';
    }
  });

  it('the counter expires with its window', async () => {
    const now = new Date('2026-11-23T10:00:10Z');
    const options = { bucket: 'test', client: 'c1', limit: 2, windowSeconds: 60 };
    expect((await consumeRateLimit({ ...options, now })).allowed).toBe(true);
    expect((await consumeRateLimit({ ...options, now })).allowed).toBe(true);
    expect(await consumeRateLimit({ ...options, now })).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await consumeRateLimit({ ...options, now: new Date('2026-11-23T10:01:00Z') })).allowed).toBe(
      true,
    );
  });
});

const typo = (value: string) => {
  const i = value.length - 3;
  return value.slice(0, i) + (value[i] === '7' ? '8' : '7') + value.slice(i + 1);
};

describe('Public verification', () => {
  it('answers exactly the public contract', async () => {
    const response = await api.call('GET', `/public/certificates/${code}`);
    expect(response.status).toBe(200);
    const parsed = PublicCertificate.parse(response.body);
    expect(parsed).toEqual({
      code,
      certification: 'clea',
      status: 'valid',
      issuedOn: sessionDate,
      region: { code: '11', name: 'Île-de-France' },
      holder: { firstName: 'Łukasz', lastInitial: 'Ö.' },
    });
  });

  it('normalises what a person types (case, spaces, O for 0, L for 1)', async () => {
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    const response = await api.call('GET', `/public/certificates/${encodeURIComponent(typed)}`);
    expect(response.status).toBe(200);
    expect(response.body.code).toBe(code);
  });

  it('catches a typo with the check symbol: 400 invalid_code and nothing else', async () => {
    const response = await api.call('GET', `/public/certificates/${typo(code)}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'invalid_code' });
  });

  it('answers 404 for a well-formed code that no certificate holds', async () => {
    expect((await api.call('GET', '/public/certificates/CLEA-0000-0000-0001-9')).status).toBe(404);
  });

  it('confirms the holder by last name, ignoring case and accents, and gives the full name only then', async () => {
    const wrong = await api.call('POST', `/public/certificates/${code}/confirm`, {
      body: { lastName: 'Martin' },
    });
    expect(wrong.body).toEqual({ match: false });
    const right = await api.call('POST', `/public/certificates/${code}/confirm`, {
      body: { lastName: "ozturk-n'diaye" },
    });
    expect(right.body).toEqual({ match: true, fullName: 'Łukasz Öztürk-N’Diaye' });
  });
});

describe('Open Badges credential', () => {
  it('verifies with jose against the published JWKS alone; a tampered one fails', async () => {
    const { credential } = (
      await api.call('GET', `/certificates/${code}/credential`, { token: world.a.tokens.advisor })
    ).body;
    const jwks = (await api.call('GET', '/.well-known/jwks.json')).body as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(credential, createLocalJWKSet(jwks));
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(payload.jti).toBe(`urn:socle:certificate:${code}`);
    const [header, body, signature] = credential.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, name: 'Faux' })).toString('base64url')}.${signature}`;
    await expect(jwtVerify(forged, createLocalJWKSet(jwks))).rejects.toThrow();
    const check = await api.call('POST', '/public/credentials/verify', { body: { credential: forged } });
    expect(check.body).toEqual({ valid: false, reason: 'signature' });
    const ok = await api.call('POST', '/public/credentials/verify', { body: { credential } });
    expect(ok.body).toMatchObject({ valid: true, certificate: { code, status: 'valid' } });
  });

  it("another network's certificate is not found", async () => {
    const response = await api.call('GET', `/certificates/${code}/credential`, {
      token: world.b.tokens.admin,
    });
    expect(response.status).toBe(404);
  });
});

describe('Certificate PDF', () => {
  it('downloads for the network and the national admin; not for another network', async () => {
    const network = await fetch(`${api.url}/certificates/${code}/certificate.pdf`, {
      headers: { authorization: `Bearer ${world.a.tokens.advisor}` },
    });
    expect(network.status).toBe(200);
    expect(network.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await network.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const national = await fetch(`${api.url}/certificates/${code}/certificate.pdf`, {
      headers: { authorization: `Bearer ${world.nationalToken}` },
    });
    expect(national.status).toBe(200);
    const other = await fetch(`${api.url}/certificates/${code}/certificate.pdf`, {
      headers: { authorization: `Bearer ${world.b.tokens.admin}` },
    });
    expect(other.status).toBe(404);
  });
});

describe('Paper copies', () => {
  it('the network requests one; the national body prints then sends it, in that order', async () => {
    const recipient = {
      name: 'Łukasz Öztürk-N’Diaye',
      addressLine: '12 rue des Lilas',
      postalCode: '75011',
      city: 'Paris',
    };
    const requested = await api.call('POST', `/certificates/${code}/paper-copy`, {
      token: world.a.tokens.advisor,
      body: { recipient },
    });
    expect(requested.body.paperCopy).toMatchObject({ status: 'requested', recipient });
    const twice = await api.call('POST', `/certificates/${code}/paper-copy`, {
      token: world.a.tokens.advisor,
      body: { recipient },
    });
    expect(twice.status).toBe(409);
    const queue = await api.call('GET', '/paper-copies?status=requested', { token: world.nationalToken });
    expect(queue.body.items.map((c: { code: string }) => c.code)).toContain(code);
    const skipped = await api.call('PATCH', `/certificates/${code}/paper-copy`, {
      token: world.nationalToken,
      body: { status: 'sent' },
    });
    expect(skipped.status).toBe(409);
    await api.call('PATCH', `/certificates/${code}/paper-copy`, {
      token: world.nationalToken,
      body: { status: 'printed' },
    });
    const sent = await api.call('PATCH', `/certificates/${code}/paper-copy`, {
      token: world.nationalToken,
      body: { status: 'sent' },
    });
    expect(sent.body.paperCopy).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    const empty = await api.call('GET', '/paper-copies?status=printed', { token: world.nationalToken });
    expect(empty.body.items.map((c: { code: string }) => c.code)).not.toContain(code);
    const other = await api.call('POST', `/certificates/${code}/paper-copy`, {
      token: world.b.tokens.admin,
      body: { recipient },
    });
    expect(other.status).toBe(404);
  });
});

describe('Revocation', () => {
  it('shows at once on verification and on the credential check', async () => {
    const { credential } = (
      await api.call('GET', `/certificates/${code}/credential`, { token: world.a.tokens.admin })
    ).body;
    const revoked = await api.call('POST', `/certificates/${code}/revoke`, {
      token: world.nationalToken,
      body: { reason: 'Décision annulée par le jury' },
    });
    expect(revoked.body.status).toBe('revoked');
    const view = await api.call('GET', `/public/certificates/${code}`);
    expect(PublicCertificate.parse(view.body)).toMatchObject({
      status: 'revoked',
      revokedOn: expect.any(String),
    });
    const check = await api.call('POST', '/public/credentials/verify', { body: { credential } });
    expect(check.body).toMatchObject({ valid: false, reason: 'revoked' });
    const register = await api.call('GET', '/certificates?year=2026', { token: world.nationalToken });
    expect(register.body.items.find((c: { code: string }) => c.code === code)?.status).toBe('revoked');
  });
});
