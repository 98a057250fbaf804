export { default as CertificatePdfButton } from './CertificatePdfButton.svelte';
export {
  certificateBadge,
  certificateFileName,
  holderName,
  holderSortName,
  paperCopyLabels,
  recipientLine,
  saveBlob,
} from './labels';
export { default as PaperCopyActions } from './PaperCopyActions.svelte';
