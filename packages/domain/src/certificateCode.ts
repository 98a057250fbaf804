/**
 * Certificate codes (SPEC §5): `CLEA-XXXX-XXXX-XXXX-C` (CléA numérique: `CLEN-…`), 12 random
 * Crockford base32 symbols (60 bits) and Crockford's mod-37 check symbol. Because 37 is prime and
 * larger than the alphabet, the check catches every single-symbol substitution and every adjacent
 * transposition: a typo is reported before any lookup.
 */
import type { Certification } from './constants.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Crockford's check symbols: the 32 symbols, then `* ~ $ = U` for the values 32 to 36. */
const CHECK_ALPHABET = `${ALPHABET}*~$=U`;

const PREFIXES: Record<Certification, string> = { clea: 'CLEA', 'clea-numerique': 'CLEN' };

const checkSymbol = (payload: string): string => {
  let remainder = 0;
  for (const symbol of payload) remainder = (remainder * 32 + ALPHABET.indexOf(symbol)) % 37;
  return CHECK_ALPHABET[remainder] as string;
};

/** Builds a code from 12 symbols' worth of random bytes (8 bytes read, 60 bits used). */
const certificateCodeFrom = (certification: Certification, random: Uint8Array): string => {
  if (random.length < 8) throw new Error('need 8 random bytes');
  let bits = 0n;
  for (const byte of random.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let payload = '';
  for (let i = 0; i < 12; i++) {
    payload = ALPHABET[Number(bits & 31n)] + payload;
    bits >>= 5n;
  }
  const groups = payload.match(/.{4}/g) as string[];
  return `${PREFIXES[certification]}-${groups.join('-')}-${checkSymbol(payload)}`;
};

type ParsedCode =
  | { ok: true; code: string; certification: Certification }
  | { ok: false; reason: 'format' | 'check' };

/**
 * Normalises what a person typed (case, spaces, dashes, O→0, I/L→1) and verifies the check symbol.
 * @example parseCertificateCode(' clea 7qx4-m2kd-9pzb k ')
 */
const parseCertificateCode = (input: string): ParsedCode => {
  const compact = input.toUpperCase().replace(/[\s\-–—_.]/g, '');
  const prefix = compact.slice(0, 4);
  const certification = (Object.entries(PREFIXES).find(([, p]) => p === prefix)?.[0] ?? undefined) as
    | Certification
    | undefined;
  if (!certification || compact.length !== 17) return { ok: false, reason: 'format' };
  const body = compact.slice(4).replace(/O/g, '0').replace(/[IL]/g, '1');
  const payload = body.slice(0, 12);
  const check = body.slice(12);
  if (![...payload].every((c) => ALPHABET.includes(c)) || !CHECK_ALPHABET.includes(check)) {
    return { ok: false, reason: 'format' };
  }
  if (checkSymbol(payload) !== check) return { ok: false, reason: 'check' };
  const groups = payload.match(/.{4}/g) as string[];
  return { ok: true, code: `${prefix}-${groups.join('-')}-${check}`, certification };
};

export type { ParsedCode };
export {
  ALPHABET as CROCKFORD_ALPHABET,
  CHECK_ALPHABET,
  certificateCodeFrom,
  checkSymbol,
  parseCertificateCode,
};
