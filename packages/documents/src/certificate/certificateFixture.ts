/**
 * @internal Test fixture: a CléA certificate whose holder's name needs Latin Extended letters and a
 * typographic apostrophe. Not exported from the package.
 */
import type { CertificateInput } from '../types/certificate.ts';

/** Valid codes (their check symbols hold), one per certification. */
const CODES = { clea: 'CLEA-7QX4-M2KD-9PZB-P', cleaNumerique: 'CLEN-Q7TR-3M9X-Z2KD-8' } as const;

const VERIFY_BASE_URL = 'https://socle.example.fr';

const certificateInput = (overrides: Partial<CertificateInput> = {}): CertificateInput => ({
  code: CODES.clea,
  certification: 'clea',
  holder: { firstName: 'Łukasz', lastName: 'Öztürk-N’Diaye', birthDate: '1992-06-15' },
  issuedOn: '2025-03-04',
  region: { code: '84', name: 'Auvergne-Rhône-Alpes' },
  status: 'valid',
  revokedOn: null,
  verifyBaseUrl: VERIFY_BASE_URL,
  ...overrides,
});

export { CODES, VERIFY_BASE_URL, certificateInput };
