/**
 * Certificate codes through the API: current codes (Damm check character) and codes issued before
 * (mod-37 check symbol, `* ~ $ = U` included) both verify, however they are typed; a missing part
 * or a typo is answered before any lookup, and a typo of a current code that happens to pass the old
 * check is still answered as a typo.
 */
import { CROCKFORD_ALPHABET, mod37Check, parseCertificateCode } from '@socle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import { oldStyleCode, storeUnderOldCode } from '../support/oldCodes.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
let code: string;
const oldCode = oldStyleCode({ checkSymbols: CROCKFORD_ALPHABET });
const oldSpecialCode = oldStyleCode({ checkSymbols: '*~$=U' });

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  const jury = await buildJury(api, world.nationalToken, '11');
  ({ code } = await certifyThroughJury(api, world.a, jury));
  await storeUnderOldCode(code, oldCode);
  await storeUnderOldCode(code, oldSpecialCode);
});
afterAll(() => api.stop());

const verify = (typed: string) => api.call('GET', `/public/certificates/${encodeURIComponent(typed)}`);

/** How people type a code: lower case, spaces for dashes, O for 0, L for 1. */
const sloppy = (value: string) =>
  value.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');

describe('Current codes', () => {
  it('are issued with a check character from the 32 symbols and verify however typed', async () => {
    expect(code).toMatch(
      /^CLEA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/,
    );
    for (const typed of [code, sloppy(code), code.slice(5), sloppy(code.slice(5))]) {
      const response = await verify(typed);
      expect(response.status).toBe(200);
      expect(response.body.code).toBe(code);
    }
  });

  it('a code missing its last character is refused before any lookup (and says so to staff)', async () => {
    expect((await verify(code.slice(0, -2))).body).toEqual({ error: 'invalid_code' });
    const staff = await api.call('GET', `/certificates/${code.slice(0, -2)}`, { token: world.nationalToken });
    expect(staff.status).toBe(400);
    expect(staff.body.message).toContain('il manque le dernier caractère');
  });

  it('a typo that happens to pass the old mod-37 check is still answered as a typo', async () => {
    // Find a one-symbol substitution of the code that passes the old check (about 1 in 37).
    const compact = code.replace(/-/g, '');
    let typo: string | undefined;
    for (let position = 4; position < 16 && !typo; position++) {
      for (const symbol of CROCKFORD_ALPHABET) {
        const payload = (compact.slice(0, position) + symbol + compact.slice(position + 1)).slice(4, 16);
        if (symbol !== compact[position] && mod37Check(payload) === compact.at(-1)) {
          typo = `CLEA${payload}${compact.at(-1)}`;
          break;
        }
      }
    }
    expect(typo).toBeDefined();
    expect(parseCertificateCode(typo as string)).toMatchObject({ ok: true, scheme: 'mod37' });
    const response = await verify(typo as string);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'invalid_code' });
  });

  it('a well-formed code that no certificate holds is not found', async () => {
    expect((await verify('CLEA-0000-0000-0001-9')).status).toBe(404);
  });
});

describe('Codes issued before (mod-37 check symbol)', () => {
  it('keep verifying, special check symbols included, however typed', async () => {
    expect(oldSpecialCode).toMatch(/[*~$=U]$/);
    for (const stored of [oldCode, oldSpecialCode]) {
      for (const typed of [stored, stored.toLowerCase().replace(/-/g, ' ')]) {
        const response = await verify(typed);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ code: stored, status: 'valid' });
      }
    }
  });

  it('a typo is caught before any lookup; without its prefix the page is told to add it', async () => {
    const i = oldCode.length - 3;
    const typo = oldCode.slice(0, i) + (oldCode[i] === '7' ? '8' : '7') + oldCode.slice(i + 1);
    const response = await verify(typo);
    // Never another certificate: refused, or (1 in 32, reading as a current code) not found.
    expect([400, 404]).toContain(response.status);
    expect(parseCertificateCode(oldCode.slice(5))).toEqual({ ok: false, reason: 'missingPrefix' });
    expect((await verify(oldCode.slice(5))).body).toEqual({ error: 'invalid_code' });
  });

  it('staff find it in the register by its code', async () => {
    const response = await api.call('GET', `/certificates/${encodeURIComponent(oldSpecialCode)}`, {
      token: world.nationalToken,
    });
    expect(response.status).toBe(200);
    expect(response.body.code).toBe(oldSpecialCode);
  });
});
