/**
 * The PDF documents. The renderers load pdf-lib, fontkit and the QR encoder on their first call
 * (renderers.ts); what else is exported is light.
 */
export {
  DocumentsError,
  FontNotFoundError,
  InvalidCertificateCodeError,
  InvalidDateError,
  InvalidTimeError,
} from './errors.ts';
export { FONT_DIR_ENV, FONT_FILES, MONO_FONT_FILE, loadFonts } from './fonts.ts';
export { formatDateFr, formatTimeFr, frenchTypography, fullName } from './format.ts';
export { minutesInputFrom } from './minutes/minutesInputFrom.ts';
export type { MinutesSource } from './minutes/minutesInputFrom.ts';
export { regionTimeZone } from './minutes/regionTimeZone.ts';
export type { CertificateInput } from './types/certificate.ts';
export type { FontBytes, RenderOptions } from './types/fonts.ts';
export type { MinutesInput } from './types/minutes.ts';
export type { PortfolioInput } from './types/portfolio.ts';
export type { RenderResult } from './types/render.ts';
export * from './renderers.ts';
export * from './labels/index.ts';
