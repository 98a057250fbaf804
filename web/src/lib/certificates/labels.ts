/** French wording of the register: certificate status and paper copy progress. */
import type { Certificate, PaperCopyStatus } from '$lib/api';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const certificateBadge = (status: Certificate['status']): { label: string; tone: Tone } =>
  status === 'valid' ? { label: 'Valide', tone: 'success' } : { label: 'Révoqué', tone: 'danger' };

const paperCopyLabels: Record<PaperCopyStatus, string> = {
  requested: 'Demandé',
  printed: 'Imprimé',
  sent: 'Envoyé',
};

/** `Camille Durand`, or `Camille D.` once the holder's data was erased. */
const holderName = (holder: Certificate['holder']): string =>
  `${holder.firstName} ${holder.lastName ?? holder.lastInitial ?? ''}`.trim();

/** `DURAND Camille` (register order), or `D. Camille` once the holder's data was erased. */
const holderSortName = (holder: Certificate['holder']): string =>
  `${(holder.lastName ?? holder.lastInitial ?? '').toUpperCase()} ${holder.firstName}`.trim();

/** Where a paper copy went, on one line; nothing once the holder's data was erased. */
const recipientLine = (copy: NonNullable<Certificate['paperCopy']>): string =>
  copy.recipient
    ? `${copy.recipient.name}, ${copy.recipient.addressLine}, ${copy.recipient.postalCode} ${copy.recipient.city}`
    : 'adresse effacée avec les données du titulaire';

/** `clea-7qx4 m2kd` → a file name: `certificat-CLEA-7QX4-M2KD`. */
const certificateFileName = (code: string, extension: string): string =>
  `certificat-${code.replace(/[^A-Za-z0-9-]+/g, '-')}.${extension}`;

/** Offers a blob as a download under the given name. */
const saveBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export {
  certificateBadge,
  certificateFileName,
  holderName,
  holderSortName,
  paperCopyLabels,
  recipientLine,
  saveBlob,
};
