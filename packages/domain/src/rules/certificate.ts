/**
 * The certificate register's rules (SPEC §5): a revoked certificate stays revoked, and a holder whose
 * data was erased is no longer named by any document (the code still verifies).
 */
import { allow, refuse } from './verdict.ts';
import type { Refused, Verdict } from './verdict.ts';
import type { CertificateRuleCode } from './ruleCodes.ts';

const alreadyRevoked: Refused<CertificateRuleCode> = refuse(
  'already_revoked',
  'ce certificat est déjà révoqué',
);

/** Written at write time: the certificate changed between the read and the write (its badge was exported). */
const certificateChanged: Refused<CertificateRuleCode> = refuse(
  'certificate_changed',
  'le certificat vient d’être modifié (export de son badge numérique) : réessayez',
);

/** A valid certificate can be revoked, once. */
const canRevoke = (certificate: { status: 'valid' | 'revoked' }): Verdict<CertificateRuleCode> =>
  certificate.status === 'revoked' ? alreadyRevoked : allow();

/** What the register keeps of a holder: in full until the candidate's data is erased. */
interface RegisteredHolder {
  holderErasedAt?: string | null;
  holder: { lastName?: string | null; birthDate?: string | null };
}

/** A document naming the holder (the PDF, an Open Badges credential) needs their full identity. */
const canNameHolder = (certificate: RegisteredHolder): Verdict<CertificateRuleCode> =>
  certificate.holderErasedAt || !certificate.holder.lastName || !certificate.holder.birthDate
    ? refuse(
        'holder_erased',
        'les données du titulaire ont été effacées : le certificat reste vérifiable par son code, mais aucun document à son nom ne peut plus être produit',
      )
    : allow();

export type { RegisteredHolder };
export { alreadyRevoked, canNameHolder, canRevoke, certificateChanged };
