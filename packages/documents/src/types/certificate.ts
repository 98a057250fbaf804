import type { Certification } from '@socle/domain';

/** Everything the certificate prints; plain data, as read from the certificate record. */
interface CertificateInput {
  /** `CLEA-XXXX-XXXX-XXXX-C` (`CLEN-…` for CléA numérique), checked and normalised before printing. */
  code: string;
  certification: Certification;
  /** Printed in full: the certificate belongs to its holder (the public page shows less, SPEC §5). */
  holder: { firstName: string; lastName: string /** `YYYY-MM-DD`. */; birthDate: string };
  /** `YYYY-MM-DD`: the date of the jury's decision. */
  issuedOn: string;
  /** The region of the jury paritaire that issued it. */
  region: { code: string; name: string };
  status: 'valid' | 'revoked';
  /** `YYYY-MM-DD`; required when `status` is `revoked`. */
  revokedOn?: string | null;
  /** Origin of the public site, e.g. `https://socle.example.fr` (a trailing slash is ignored). */
  verifyBaseUrl: string;
}

export type { CertificateInput };
