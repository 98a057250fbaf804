/**
 * Normalises a certificate code typed by a person; a failed check character is answered without
 * touching the register — with the public contract's bare `invalid_code` on public routes, as a
 * field error naming what is wrong elsewhere.
 */
import { ValidationError, parseCertificateCode } from '@socle/domain';
import type { CertificateCodeIssue, ParsedCode } from '@socle/domain';
import { InvalidCodeError } from './middleware/errorMapper.ts';

const issueMessages: Record<CertificateCodeIssue, string> = {
  format: 'code de certificat invalide (CLEA-XXXX-XXXX-XXXX-X attendu)',
  check: 'code de certificat invalide (faute de frappe ?)',
  missingCheck: 'code de certificat incomplet : il manque le dernier caractère',
  missingPrefix: 'code de certificat incomplet : ajoutez CLEA- ou CLEN- au début',
};

/** The code read as `parseCertificateCode` reads it, or the refusal: 400 before any lookup. */
const parsedCodeOf = (raw: string, { publicRoute = false } = {}): Extract<ParsedCode, { ok: true }> => {
  const parsed = parseCertificateCode(raw);
  if (parsed.ok) return parsed;
  if (publicRoute) throw new InvalidCodeError();
  throw new ValidationError([{ path: 'code', message: issueMessages[parsed.reason] }]);
};

const certificateCodeOf = (raw: string, options: { publicRoute?: boolean } = {}): string =>
  parsedCodeOf(raw, options).code;

export { certificateCodeOf, parsedCodeOf };
