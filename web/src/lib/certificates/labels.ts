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

export { certificateBadge, certificateFileName, paperCopyLabels, saveBlob };
