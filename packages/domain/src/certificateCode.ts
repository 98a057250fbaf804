/**
 * Certificate codes (SPEC §5): `CLEA-XXXX-XXXX-XXXX-C` (CléA numérique: `CLEN-…`), 12 random
 * Crockford base32 symbols (60 bits) and a check character from the same 32 symbols, computed with
 * the Damm algorithm: a typo is reported before any lookup.
 *
 * The Damm quasigroup is Damm's construction for a prime power order (dissertation, Beispiel 5.2),
 * written with a zero diagonal: `x ∘ y = 2 ⊗ (x ⊕ y)` in GF(32) (⊕ is XOR, ⊗ multiplies modulo
 * x⁵ + x² + 1). It is weakly totally anti-symmetric — `(c ∘ x) ∘ y = (c ∘ y) ∘ x` only when `x = y`
 * — because `2 ⊗ (2 ⊕ 1) ≠ 0`; so every single substitution and every swap of two adjacent
 * symbols (the check character included) changes the result. The computation runs over the prefix
 * too (read as the alphabet reads it: `CLEA` as `C1EA`), so the check character also tells a CléA
 * code from a CléA numérique one, and a code typed without its prefix gets it back.
 *
 * Codes issued before (until December 2026) carry Crockford's mod-37 check symbol, which may be one
 * of `* ~ $ = U`; they keep verifying. Telling them apart:
 * - a code that passes the Damm check is read as a current code (`scheme: 'damm'`);
 * - otherwise a code that passes the mod-37 check is read as an old one (`scheme: 'mod37'`).
 * No code issued now passes the mod-37 check (the generator steps around the 1 payload in 37 whose
 * two checks agree), so every current code has exactly one reading. A one-symbol typo of a current
 * code never passes Damm; the rare one (1 in 37) that passes mod 37 is looked up as an old code and,
 * since no old code is ever issued again, answered as a typo by the register (see
 * `certificateCodeOf`). A typo of an old code never passes mod 37; one in 32 passes Damm and is
 * answered "not found" — never another person's certificate (60 random bits).
 */
import type { Certification } from './constants.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Old codes' check symbols (Crockford mod 37): the 32 symbols, then `* ~ $ = U` for 32 to 36. */
const CHECK_ALPHABET = `${ALPHABET}*~$=U`;

const PREFIXES: Record<Certification, string> = { clea: 'CLEA', 'clea-numerique': 'CLEN' };

/** GF(32) doubling, reduced by x⁵ + x² + 1 (0b100101). */
const double = (x: number): number => (x & 0x10 ? ((x << 1) ^ 0b100101) & 31 : x << 1);

/** The Damm operation table, `DAMM_TABLE[x][y] = 2 ⊗ (x ⊕ y)`: a quasigroup of order 32, zero diagonal. */
const DAMM_TABLE: readonly (readonly number[])[] = Array.from({ length: 32 }, (_, x) =>
  Array.from({ length: 32 }, (_, y) => double(x ^ y)),
);

const symbolValue = (symbol: string): number => ALPHABET.indexOf(symbol);

/** The Damm interim after `symbols` (alphabet symbols only), from `start`. */
const dammInterim = (symbols: string, start = 0): number => {
  let interim = start;
  for (const symbol of symbols) interim = DAMM_TABLE[interim]?.[symbolValue(symbol)] as number;
  return interim;
};

/** Where the Damm computation starts for a prefix: its symbols, read as the alphabet reads them. */
const prefixInterim = (prefix: string): number => dammInterim(prefix.replace(/L/g, '1'));

/** The Damm check character of a payload under a prefix (zero diagonal: the check is the interim). */
const dammCheck = (prefix: string, payload: string): string =>
  ALPHABET[dammInterim(payload, prefixInterim(prefix))] as string;

/** Crockford's mod-37 check symbol of old codes (kept to verify them). */
const mod37Check = (payload: string): string => {
  let remainder = 0;
  for (const symbol of payload) remainder = (remainder * 32 + symbolValue(symbol)) % 37;
  return CHECK_ALPHABET[remainder] as string;
};

const grouped = (prefix: string, payload: string, check: string) =>
  `${prefix}-${(payload.match(/.{4}/g) as string[]).join('-')}-${check}`;

/**
 * Builds a current code from 12 symbols' worth of random bytes (8 bytes read, 60 bits used).
 * @example certificateCodeFrom('clea', randomBytes(8)) // 'CLEA-7QX4-M2KD-9PZB-…'
 */
const certificateCodeFrom = (certification: Certification, random: Uint8Array): string => {
  if (random.length < 8) throw new Error('need 8 random bytes');
  let bits = 0n;
  for (const byte of random.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  const symbols: number[] = [];
  for (let i = 0; i < 12; i++) {
    symbols.unshift(Number(bits & 31n));
    bits >>= 5n;
  }
  const prefix = PREFIXES[certification];
  const payloadOf = () => symbols.map((v) => ALPHABET[v]).join('');
  // A payload whose Damm check equals its mod-37 symbol would read as an old code too: step to the
  // next payload (1 in 37; the next one differs in its last symbol, so its checks disagree).
  while (dammCheck(prefix, payloadOf()) === mod37Check(payloadOf())) {
    symbols[11] = ((symbols[11] as number) + 1) % 32;
  }
  const payload = payloadOf();
  return grouped(prefix, payload, dammCheck(prefix, payload));
};

/** The code the verification page shows as an example: its check character is valid (tested). */
const CERTIFICATE_CODE_EXAMPLE = 'CLEA-7QX4-M2KD-9PZC-R';

/** Why a typed code was refused before any lookup. */
const CERTIFICATE_CODE_ISSUES = ['format', 'check', 'missingCheck', 'missingPrefix'] as const;
type CertificateCodeIssue = (typeof CERTIFICATE_CODE_ISSUES)[number];

type ParsedCode =
  | { ok: true; code: string; certification: Certification; scheme: 'damm' | 'mod37' }
  | { ok: false; reason: CertificateCodeIssue };

const certificationOf = (prefix: string) =>
  (Object.entries(PREFIXES).find(([, p]) => p === prefix)?.[0] ?? undefined) as Certification | undefined;

/** Reads one symbol as a person may have typed it (O for 0, I or L for 1). */
const normaliseSymbols = (symbols: string) => symbols.replace(/O/g, '0').replace(/[IL]/g, '1');

/**
 * Normalises what a person typed (case, spaces, dashes, O→0, I/L→1, a missing prefix) and verifies
 * the check character (Damm, or mod 37 for a code issued before). A code missing its last
 * character or (old codes) its prefix is refused with that reason, so the page can say what to add.
 * @example parseCertificateCode(' clea 7qx4-m2kd-9pzb k ')
 */
const parseCertificateCode = (input: string): ParsedCode => {
  const compact = input.toUpperCase().replace(/[\s\-–—_.]/g, '');
  // Lengths tell the parts apart: the payload's alphabet has no L, so `CLEA`/`CLEN` is a prefix.
  const hasPrefix = compact.length === 17 || compact.length === 16;
  const prefix = hasPrefix ? compact.slice(0, 4) : undefined;
  const body = normaliseSymbols(hasPrefix ? compact.slice(4) : compact);
  if ((hasPrefix && !certificationOf(prefix as string)) || (body.length !== 13 && body.length !== 12)) {
    return { ok: false, reason: 'format' };
  }
  const payload = body.slice(0, 12);
  const check = body.slice(12);
  if (![...payload].every((c) => ALPHABET.includes(c))) return { ok: false, reason: 'format' };
  if (!check) return { ok: false, reason: 'missingCheck' };
  if (!CHECK_ALPHABET.includes(check)) return { ok: false, reason: 'format' };

  const prefixes = prefix ? [prefix] : Object.values(PREFIXES);
  // At most one prefix passes: each step of the computation is a bijection of the interim.
  const damm = prefixes.find((p) => dammCheck(p, payload) === check);
  if (damm) {
    const certification = certificationOf(damm) as Certification;
    return { ok: true, code: grouped(damm, payload, check), certification, scheme: 'damm' };
  }
  if (mod37Check(payload) === check) {
    // An old code's check does not cover its prefix: without it, CléA and CléA numérique are both possible.
    if (!prefix) return { ok: false, reason: 'missingPrefix' };
    const certification = certificationOf(prefix) as Certification;
    return { ok: true, code: grouped(prefix, payload, check), certification, scheme: 'mod37' };
  }
  return { ok: false, reason: 'check' };
};

export type { CertificateCodeIssue, ParsedCode };
export {
  ALPHABET as CROCKFORD_ALPHABET,
  CERTIFICATE_CODE_EXAMPLE,
  CERTIFICATE_CODE_ISSUES,
  CHECK_ALPHABET,
  DAMM_TABLE,
  certificateCodeFrom,
  dammCheck,
  mod37Check,
  parseCertificateCode,
};
