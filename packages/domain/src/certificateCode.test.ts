import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CHECK_ALPHABET,
  CROCKFORD_ALPHABET,
  certificateCodeFrom,
  parseCertificateCode,
} from './certificateCode.ts';

const sample = Array.from({ length: 200 }, (_, i) =>
  certificateCodeFrom(i % 2 ? 'clea' : 'clea-numerique', randomBytes(8)),
);
/** Positions of the 13 symbols after the prefix (payload and check), skipping dashes. */
const symbolPositions = (code: string) =>
  [...code].map((c, i) => (i > 4 && c !== '-' ? i : -1)).filter((i) => i >= 0);

describe('Function: certificateCodeFrom', () => {
  it('has the published shape', () => {
    for (const code of sample)
      expect(code).toMatch(
        /^CLE[AN]-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]$/,
      );
  });
  it('parses back to itself', () => {
    for (const code of sample) expect(parseCertificateCode(code)).toMatchObject({ ok: true, code });
  });
});

describe('Function: parseCertificateCode', () => {
  it('normalises case, spaces, dashes, O→0 and I/L→1', () => {
    const code = certificateCodeFrom('clea', Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1]));
    expect(code).toBe('CLEA-0000-0000-0001-1');
    expect(parseCertificateCode(' clea oooo OOOO 000l - i ')).toMatchObject({ ok: true, code });
  });

  it('detects every single-symbol substitution (exhaustive over the sample)', () => {
    let checked = 0;
    for (const code of sample) {
      for (const position of symbolPositions(code)) {
        const alphabet = position === code.length - 1 ? CHECK_ALPHABET : CROCKFORD_ALPHABET;
        for (const symbol of alphabet) {
          if (symbol === code[position]) continue;
          const typo = code.slice(0, position) + symbol + code.slice(position + 1);
          expect(parseCertificateCode(typo).ok).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(80_000);
  });

  it('detects every adjacent transposition (exhaustive over the sample)', () => {
    let checked = 0;
    for (const code of sample) {
      const compact = code.replace(/-/g, '').slice(4);
      for (let i = 0; i < compact.length - 1; i++) {
        if (compact[i] === compact[i + 1]) continue;
        const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
        expect(parseCertificateCode(code.slice(0, 4) + swapped).ok).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('refuses a code of the wrong length or prefix', () => {
    expect(parseCertificateCode('CLEA-1234')).toEqual({ ok: false, reason: 'format' });
    expect(parseCertificateCode('ABCD-0000-0000-0001-1')).toEqual({ ok: false, reason: 'format' });
  });
});
