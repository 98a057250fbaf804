/**
 * The certificate-code normaliser as /verifier uses it: what a person types goes through
 * `parseCertificateCode` in `lookupCertificate`; a typo or a missing part is answered without any
 * request, and a code read is looked up under its canonical form. A real HTTP server stands for the
 * API (and serves /config.json); fetch only gets the page's origin to resolve `/config.json` as a
 * browser would.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CERTIFICATE_CODE_EXAMPLE, dammCheck, mod37Check } from '@socle/domain/certificateCode';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { lookupCertificate } from './publicApi.ts';

const group = (prefix: string, payload: string, check: string) =>
  `${prefix}-${(payload.match(/.{4}/g) as string[]).join('-')}-${check}`;

/** A current code whose payload has 0s and 1s, the symbols people type as O, I or L. */
const PAYLOAD = '10Q0M1KD9P0Z';
const CODE = group('CLEA', PAYLOAD, dammCheck('CLEA', PAYLOAD));
const NUMERIQUE = group('CLEN', PAYLOAD, dammCheck('CLEN', PAYLOAD));
/** A code issued before December 2026: Crockford's mod-37 check, which does not cover the prefix. */
const OLD_PAYLOAD = '7QX4M2KD9PZD';
const OLD_CODE = group('CLEA', OLD_PAYLOAD, mod37Check(OLD_PAYLOAD));

const certificate = (code: string) => ({
  code,
  certification: code.startsWith('CLEN') ? 'clea-numerique' : 'clea',
  status: 'valid',
  issuedOn: '2026-06-12',
  region: { code: '11', name: 'Île-de-France' },
  holder: { firstName: 'Camille', lastInitial: 'M' },
});

/** What the stand-in API answers, by the code in the path; anything else is a 404. */
const answers = new Map<string, { status: number; body?: unknown; headers?: Record<string, string> }>();
const requested: string[] = [];
let origin = '';
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname === '/config.json') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ apiUrl: origin, auth: { issuer: `${origin}/auth`, clientId: 'socle-web' } }));
    return;
  }
  requested.push(decodeURIComponent(url.pathname));
  const code = decodeURIComponent(url.pathname.replace('/public/certificates/', ''));
  const answer = answers.get(code) ?? { status: 404, body: { error: 'not_found', message: 'inconnu' } };
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const realFetch = globalThis.fetch;
  // The page's relative URLs (`/config.json`) resolve against its origin, as in a browser.
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) =>
    realFetch(new URL(String(input), origin), init),
  );
});
afterAll(async () => {
  vi.restoreAllMocks();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requested.length = 0;
  answers.clear();
  for (const code of [CODE, NUMERIQUE, OLD_CODE, CERTIFICATE_CODE_EXAMPLE]) {
    answers.set(code, { status: 200, body: certificate(code) });
  }
});

describe('lookupCertificate: codes as people type them', () => {
  it('knows its fixtures: a current code with 0 and 1, an old code that only mod 37 reads', () => {
    expect(CODE).toMatch(/^CLEA-10Q0-M1KD-9P0Z-[0-9A-HJKMNP-TV-Z]$/);
    expect(dammCheck('CLEA', OLD_PAYLOAD)).not.toBe(mod37Check(OLD_PAYLOAD));
    expect(dammCheck('CLEN', OLD_PAYLOAD)).not.toBe(mod37Check(OLD_PAYLOAD));
  });

  const check = CODE.at(-1) as string;
  it.each([
    ['as printed', CODE],
    ['in lower case', CODE.toLowerCase()],
    ['without dashes', CODE.replace(/-/g, '')],
    ['with spaces', CODE.replace(/-/g, ' ')],
    ['with spaces around and inside', `  clea 10q0 m1kd 9p0z ${check.toLowerCase()}  `],
    ['with en and em dashes (a word processor’s)', CODE.replace('-', '–').replace('-', '—')],
    ['with dots and underscores', CODE.replace('-', '.').replace('-', '_')],
    ['with O typed for 0', CODE.replace(/0/g, 'O')],
    ['with I typed for 1', CODE.replace(/1/g, 'I')],
    ['with l typed for 1', CODE.replace(/1/g, 'l')],
    ['without its prefix', CODE.slice(5)],
    [
      'without its prefix, lower case, O and L',
      CODE.slice(5).replace(/0/g, 'o').replace(/1/g, 'l').toLowerCase(),
    ],
  ])('finds the certificate typed %s, asking for the canonical code', async (_, typed) => {
    const lookup = await lookupCertificate(typed);
    expect(lookup).toEqual({ kind: 'found', certificate: certificate(CODE) });
    expect(requested).toEqual([`/public/certificates/${CODE}`]);
  });

  it('gives a CléA numérique code typed without its prefix its own prefix back', async () => {
    expect(await lookupCertificate(NUMERIQUE.slice(5))).toMatchObject({ kind: 'found' });
    expect(requested).toEqual([`/public/certificates/${NUMERIQUE}`]);
  });

  it('finds the example shown on the page', async () => {
    expect(await lookupCertificate(CERTIFICATE_CODE_EXAMPLE.toLowerCase())).toMatchObject({ kind: 'found' });
  });

  it('keeps finding a code issued before, with its prefix', async () => {
    expect(await lookupCertificate(OLD_CODE.replace(/-/g, ' ').toLowerCase())).toMatchObject({
      kind: 'found',
    });
    expect(requested).toEqual([`/public/certificates/${OLD_CODE}`]);
  });
});

describe('lookupCertificate: refused before any request', () => {
  it('asks for the last character when it is missing', async () => {
    expect(await lookupCertificate(CODE.slice(0, -2))).toEqual({ kind: 'incomplete', missing: 'check' });
    expect(await lookupCertificate(CODE.slice(5, -2))).toEqual({ kind: 'incomplete', missing: 'check' });
    // Lengths tell the parts apart: a code one symbol short anywhere reads as one without its last.
    expect(await lookupCertificate('CLEA-10Q0-M1KD-9P0-X')).toEqual({ kind: 'incomplete', missing: 'check' });
    expect(requested).toEqual([]);
  });

  it('asks for the prefix of a code issued before (CléA or CléA numérique cannot be told)', async () => {
    expect(await lookupCertificate(OLD_CODE.slice(5))).toEqual({ kind: 'incomplete', missing: 'prefix' });
    expect(requested).toEqual([]);
  });

  it('reports a typo: one symbol changed, two swapped, the wrong prefix for the check', async () => {
    const changed = CODE.replace('M1KD', 'M1KE');
    const swapped = CODE.replace('M1KD', 'M1DK');
    const otherPrefix = `CLEN${CODE.slice(4)}`;
    for (const typed of [changed, swapped, otherPrefix]) {
      expect(await lookupCertificate(typed)).toEqual({ kind: 'typo' });
    }
    expect(requested).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['too short', 'CLEA-10Q0'],
    ['too long', `${CODE}-7`],
    ['an unknown prefix', `CLEX${CODE.slice(4)}`],
    ['a U, which no payload has', CODE.replace('Q', 'U')],
    ['a symbol no code has', CODE.replace('Q', '#')],
  ])('reports a code that is %s as not a code', async (_, typed) => {
    expect(await lookupCertificate(typed)).toEqual({ kind: 'format' });
    expect(requested).toEqual([]);
  });
});

describe('lookupCertificate: the register’s answers', () => {
  it('says not found for a well-formed code the register does not know', async () => {
    answers.delete(CODE);
    expect(await lookupCertificate(CODE)).toEqual({ kind: 'notFound' });
  });

  it('reads the register’s invalid_code (an old-scheme reading of a current code’s typo) as a typo', async () => {
    answers.set(OLD_CODE, { status: 400, body: { error: 'invalid_code', message: 'code invalide' } });
    expect(await lookupCertificate(OLD_CODE)).toEqual({ kind: 'typo' });
  });

  it('passes on a rate limit with its delay in seconds, and an outage', async () => {
    answers.set(CODE, {
      status: 429,
      body: { error: 'too_many_requests', message: '' },
      headers: { 'retry-after': '12' },
    });
    expect(await lookupCertificate(CODE)).toEqual({ kind: 'rateLimited', retryAfter: 12 });
    answers.set(CODE, { status: 503, body: { error: 'service_unavailable', message: '' } });
    expect(await lookupCertificate(CODE)).toEqual({ kind: 'unavailable' });
  });

  it('does not show an answer that is not a certificate', async () => {
    answers.set(CODE, { status: 200, body: { code: CODE } });
    expect(await lookupCertificate(CODE)).toEqual({ kind: 'unavailable' });
  });
});
