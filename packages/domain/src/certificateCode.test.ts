import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_CODE_EXAMPLE,
  CHECK_ALPHABET,
  CROCKFORD_ALPHABET,
  DAMM_TABLE,
  certificateCodeFrom,
  dammCheck,
  mod37Check,
  parseCertificateCode,
} from './certificateCode.ts';

const sample = Array.from({ length: 200 }, (_, i) =>
  certificateCodeFrom(i % 2 ? 'clea' : 'clea-numerique', randomBytes(8)),
);

/** A code as issued before December 2026: random payload, Crockford's mod-37 check symbol. */
const oldCode = (prefix = 'CLEA') => {
  const payload = Array.from(randomBytes(12), (b) => CROCKFORD_ALPHABET[b & 31]).join('');
  return `${prefix}-${(payload.match(/.{4}/g) as string[]).join('-')}-${mod37Check(payload)}`;
};
const oldSample = Array.from({ length: 300 }, (_, i) => oldCode(i % 3 ? 'CLEA' : 'CLEN'));

/** Every variant of a code with one symbol after the prefix replaced by another of `alphabet`. */
const substitutions = function* (code: string, alphabet: string) {
  for (let position = 5; position < code.length; position++) {
    if (code[position] === '-') continue;
    for (const symbol of alphabet) {
      if (symbol !== code[position]) yield code.slice(0, position) + symbol + code.slice(position + 1);
    }
  }
};
/** Every variant with two adjacent different symbols swapped (prefix included, dashes skipped). */
const transpositions = function* (code: string) {
  const compact = code.replace(/-/g, '');
  for (let i = 0; i < compact.length - 1; i++) {
    if (compact[i] === compact[i + 1]) continue;
    yield compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
  }
};

describe('DAMM_TABLE', () => {
  it('is a quasigroup of order 32 with a zero diagonal', () => {
    for (let x = 0; x < 32; x++) {
      const row = DAMM_TABLE[x] as readonly number[];
      const column = DAMM_TABLE.map((r) => r[x] as number);
      expect(new Set(row).size).toBe(32);
      expect(new Set(column).size).toBe(32);
      expect(row[x]).toBe(0);
    }
  });

  it('is weakly totally anti-symmetric: (c∘x)∘y = (c∘y)∘x only when x = y (exhaustive)', () => {
    const op = (a: number, b: number) => (DAMM_TABLE[a] as readonly number[])[b] as number;
    const violations: string[] = [];
    let checked = 0;
    for (let c = 0; c < 32; c++) {
      for (let x = 0; x < 32; x++) {
        for (let y = 0; y < 32; y++) {
          if (x !== y && op(op(c, x), y) === op(op(c, y), x)) violations.push(`${c},${x},${y}`);
          checked++;
        }
      }
    }
    expect(violations).toEqual([]);
    expect(checked).toBe(32 ** 3);
  });
});

describe('Function: certificateCodeFrom', () => {
  it('has the published shape, its check from the 32 symbols', () => {
    for (const code of sample)
      expect(code).toMatch(
        /^CLE[AN]-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/,
      );
  });

  it('parses back to itself, read as a current code', () => {
    for (const code of sample)
      expect(parseCertificateCode(code)).toMatchObject({ ok: true, code, scheme: 'damm' });
  });

  it('never issues a code that an old mod-37 check would also accept (one reading per code)', () => {
    for (const code of sample) {
      const payload = code.replace(/-/g, '').slice(4, 16);
      expect(mod37Check(payload)).not.toBe(code.at(-1));
    }
    // 7QX4M2KD9PZB has the same symbol under both checks: the generator steps to the next payload.
    const bytes = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0]);
    let bits = 0n;
    for (const symbol of '7QX4M2KD9PZB') bits = (bits << 5n) | BigInt(CROCKFORD_ALPHABET.indexOf(symbol));
    for (let i = 7; i >= 0; i--) {
      bytes[i] = Number(bits & 255n);
      bits >>= 8n;
    }
    expect(dammCheck('CLEA', '7QX4M2KD9PZB')).toBe(mod37Check('7QX4M2KD9PZB'));
    expect(certificateCodeFrom('clea', bytes)).toBe('CLEA-7QX4-M2KD-9PZC-R');
  });
});

describe('Function: parseCertificateCode', () => {
  it('accepts the example shown on the verification page', () => {
    expect(parseCertificateCode(CERTIFICATE_CODE_EXAMPLE)).toMatchObject({
      ok: true,
      code: CERTIFICATE_CODE_EXAMPLE,
      scheme: 'damm',
    });
  });

  it('normalises case, spaces, dashes, O→0 and I/L→1', () => {
    const code = certificateCodeFrom('clea', Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1]));
    expect(code).toBe(`CLEA-0000-0000-0001-${dammCheck('CLEA', '000000000001')}`);
    const typed = ` clea oooo OOOO 000l - ${code.at(-1)?.toLowerCase()} `;
    expect(parseCertificateCode(typed)).toMatchObject({ ok: true, code });
    expect(parseCertificateCode(code.replace(/-/g, '').replace('1', 'I'))).toMatchObject({ ok: true, code });
  });

  it('gives a current code its prefix back, CléA or CléA numérique', () => {
    for (const code of sample) {
      const withoutPrefix = code.slice(5);
      expect(parseCertificateCode(withoutPrefix)).toMatchObject({ ok: true, code });
      expect(parseCertificateCode(withoutPrefix.toLowerCase().replace(/-/g, ' '))).toMatchObject({ code });
    }
  });

  it('says what is missing: the last character, or an old code’s prefix', () => {
    const [code] = sample as [string];
    expect(parseCertificateCode(code.slice(0, -2))).toEqual({ ok: false, reason: 'missingCheck' });
    expect(parseCertificateCode(code.slice(5, -2))).toEqual({ ok: false, reason: 'missingCheck' });
    const old = oldSample.find((c) => parseCertificateCode(c).ok && !dammCheckPasses(c)) as string;
    expect(parseCertificateCode(old.slice(5))).toEqual({ ok: false, reason: 'missingPrefix' });
  });

  it('detects every single-symbol substitution and every adjacent swap of a current code (exhaustive)', () => {
    let substituted = 0;
    let swapped = 0;
    let readAsOld = 0;
    for (const code of sample) {
      for (const typo of substitutions(code, CHECK_ALPHABET)) {
        const parsed = parseCertificateCode(typo);
        // Never read as a current code; the rare old reading is answered as a typo by the register.
        if (parsed.ok) {
          expect(parsed.scheme).toBe('mod37');
          readAsOld++;
        }
        substituted++;
      }
      for (const typo of transpositions(code)) {
        const parsed = parseCertificateCode(typo);
        if (parsed.ok) {
          expect(parsed.scheme).toBe('mod37');
          readAsOld++;
        }
        swapped++;
      }
      // CléA for CléA numérique (or the reverse) is a substitution too.
      const otherPrefix = code.startsWith('CLEA') ? 'CLEN' : 'CLEA';
      expect(parseCertificateCode(otherPrefix + code.slice(4)).ok).toBe(false);
    }
    expect(substituted).toBeGreaterThan(90_000);
    expect(swapped).toBeGreaterThan(2500);
    // About 1 in 37 (the old check's chance), far from all.
    expect(readAsOld / (substituted + swapped)).toBeLessThan(0.05);
  });

  it('keeps verifying old codes (mod-37 check symbols, * ~ $ = U included)', () => {
    const special = Array.from({ length: 4000 }, () => oldCode()).filter((c) => /[*~$=U]$/.test(c));
    expect(special.length).toBeGreaterThan(100);
    for (const code of [...oldSample, ...special]) {
      const parsed = parseCertificateCode(code);
      expect(parsed).toMatchObject({ ok: true, code });
      expect(parseCertificateCode(code.toLowerCase().replace(/-/g, ' '))).toMatchObject({ ok: true, code });
    }
  });

  it('detects every substitution and adjacent swap of an old code as an old code (exhaustive)', () => {
    let checked = 0;
    let readAsCurrent = 0;
    for (const code of oldSample) {
      for (const typo of [...substitutions(code, CHECK_ALPHABET), ...transpositions(code)]) {
        const parsed = parseCertificateCode(typo);
        // Never read as an old code; one in 32 reads as a current code, looked up and not found.
        if (parsed.ok) {
          expect(parsed.scheme).toBe('damm');
          readAsCurrent++;
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100_000);
    expect(readAsCurrent / checked).toBeLessThan(0.05);
  });

  it('refuses a code of the wrong length, prefix or alphabet', () => {
    expect(parseCertificateCode('CLEA-1234')).toEqual({ ok: false, reason: 'format' });
    expect(parseCertificateCode('ABCD-0000-0000-0001-1')).toEqual({ ok: false, reason: 'format' });
    expect(parseCertificateCode('CLEA-0000-0000-000U-1')).toEqual({ ok: false, reason: 'format' });
    expect(parseCertificateCode('CLEA-0000-0000-0001-#')).toEqual({ ok: false, reason: 'format' });
  });
});

const dammCheckPasses = (code: string) => {
  const compact = code.replace(/-/g, '');
  return dammCheck(compact.slice(0, 4), compact.slice(4, 16)) === compact.at(-1);
};
