/**
 * A print batch of paper copies (issue 17) as one PDF: the certificates (A4 landscape, one page each,
 * as `renderCertificate` draws them), then the address labels on A4 sheets in the same order, so
 * the first label goes with the first certificate.
 */
import { checkedCode } from '../certificate/renderCertificate.ts';
import { certificateView, drawCertificate } from '../certificate/sections.ts';
import { createPdf } from '../layout/createPdf.ts';
import { A4_LANDSCAPE } from '../layout/theme.ts';
import type { CertificateInput } from '../types/certificate.ts';
import type { RenderOptions } from '../types/fonts.ts';
import type { RenderResult } from '../types/render.ts';
import { LABEL_SHEET, drawLabelSheets } from './labelSheet.ts';
import type { PostalRecipient } from './postalAddress.ts';

interface PrintBatchInput {
  /** The copies in the order chosen: each certificate and the address its copy goes to. */
  copies: readonly { certificate: CertificateInput; recipient: PostalRecipient }[];
  /** `YYYY-MM-DD`: the day the batch is printed (the PDF's date; never the clock). */
  printedOn: string;
}

/** The batch: `certificatePages` certificate pages, then `labelSheets` sheets of labels. */
const renderPrintBatch = async (
  input: PrintBatchInput,
  options: RenderOptions = {},
): Promise<RenderResult & { certificatePages: number; labelSheets: number }> => {
  const views = input.copies.map(({ certificate }) => certificateView(certificate, checkedCode(certificate)));
  const count = input.copies.length;
  const { doc, fonts } = await createPdf({
    fonts: options.fonts,
    mono: true,
    metadata: {
      title: `Exemplaires papier – lot de ${count > 1 ? `${count} certificats` : 'un certificat'}`,
      subject: `Certificats à imprimer, puis leurs étiquettes d’adresse (${LABEL_SHEET.name})`,
      keywords: ['exemplaire papier', 'étiquettes', 'CléA'],
      createdOn: input.printedOn,
    },
  });
  for (const view of views) drawCertificate(doc.addPage(A4_LANDSCAPE), fonts, view);
  const labelSheets = drawLabelSheets(
    doc,
    fonts,
    input.copies.map((c) => c.recipient),
  );
  const bytes = await doc.save();
  return {
    bytes,
    pageCount: doc.getPageCount(),
    pageLabels: [],
    certificatePages: views.length,
    labelSheets,
  };
};

/** The batch as PDF bytes. */
const renderPrintBatchPdf = async (
  input: PrintBatchInput,
  options: RenderOptions = {},
): Promise<Uint8Array> => (await renderPrintBatch(input, options)).bytes;

export type { PrintBatchInput };
export { renderPrintBatch, renderPrintBatchPdf };
