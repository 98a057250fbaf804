/** The certificate (SPEC §5): one A4 landscape page with the holder, the jury's decision and a QR code. */
import { certificationLabels, parseCertificateCode } from '@socle/domain';
import { InvalidCertificateCodeError } from '../errors.ts';
import { formatDateFr, frenchTypography } from '../format.ts';
import { createPdf } from '../layout/createPdf.ts';
import { A4_LANDSCAPE } from '../layout/theme.ts';
import type { CertificateInput } from '../types/certificate.ts';
import type { RenderOptions } from '../types/fonts.ts';
import type { RenderResult } from '../types/render.ts';
import { certificateTitle, certificateView, drawCertificate } from './sections.ts';

/**
 * The code as the verification page expects it. A code that fails its check, or that belongs to the
 * other certification, is refused: its QR code would lead nowhere, or to someone else's certificate.
 */
const checkedCode = (input: CertificateInput): string => {
  const parsed = parseCertificateCode(input.code);
  if (!parsed.ok)
    throw new InvalidCertificateCodeError(input.code, parsed.reason === 'check' ? 'check' : 'format');
  if (parsed.certification !== input.certification) {
    throw new InvalidCertificateCodeError(input.code, 'certification');
  }
  return parsed.code;
};

// Two arguments, as the other renderers: the input is the certificate's data, the options rendering
// resources.

/**
 * Renders the certificate; `renderCertificatePdf` when only the bytes matter. Throws
 * `InvalidCertificateCodeError` on a bad code and `InvalidDateError` on a bad date.
 */
const renderCertificate = async (
  input: CertificateInput,
  options: RenderOptions = {},
): Promise<RenderResult> => {
  const code = checkedCode(input);
  const view = certificateView(input, code);
  const region = frenchTypography(input.region.name.trim());
  const { doc, fonts } = await createPdf({
    fonts: options.fonts,
    mono: true,
    metadata: {
      title: `${certificateTitle(input.certification)} – ${view.name}`,
      subject:
        `Certificat ${code} délivré le ${formatDateFr(input.issuedOn)} par le jury paritaire de la région ${region}` +
        (view.revoked ? `, révoqué${input.revokedOn ? ` le ${formatDateFr(input.revokedOn)}` : ''}` : ''),
      keywords: [certificationLabels[input.certification], 'certificat', code, region],
      createdOn: input.issuedOn,
    },
  });
  drawCertificate(doc.addPage(A4_LANDSCAPE), fonts, view);
  const bytes = await doc.save();
  // No running footer: a certificate is a single page.
  return { bytes, pageCount: doc.getPageCount(), pageLabels: [] };
};

/**
 * The certificate as PDF bytes (A4 landscape, French, DejaVu subsets embedded, vector QR code).
 * @example await renderCertificatePdf({ code: 'CLEA-7QX4-M2KD-9PZB-K', certification: 'clea', holder, issuedOn: '2025-03-04', region, status: 'valid', verifyBaseUrl: 'https://socle.example.fr' })
 */
const renderCertificatePdf = async (
  input: CertificateInput,
  options: RenderOptions = {},
): Promise<Uint8Array> => (await renderCertificate(input, options)).bytes;

export { checkedCode, renderCertificate, renderCertificatePdf };
