/**
 * Normalises a certificate code typed by a person; a failed check symbol is answered without
 * touching the register — with the public contract's bare `invalid_code` on public routes, as a
 * field error elsewhere.
 */
import { ValidationError, parseCertificateCode } from '@socle/domain';
import { InvalidCodeError } from './middleware/errorMapper.ts';

const certificateCodeOf = (raw: string, { publicRoute = false } = {}): string => {
  const parsed = parseCertificateCode(raw);
  if (parsed.ok) return parsed.code;
  if (publicRoute) throw new InvalidCodeError();
  throw new ValidationError([{ path: 'code', message: 'code de certificat invalide (faute de frappe ?)' }]);
};

export { certificateCodeOf };
