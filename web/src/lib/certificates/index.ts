export { default as CertificatePdfButton } from './CertificatePdfButton.svelte';
export { certificateBadge, certificateFileName, paperCopyLabels, saveBlob } from './labels';
export { default as PaperCopyActions } from './PaperCopyActions.svelte';
