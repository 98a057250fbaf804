/**
 * The national body's print documents (documents Lambda: it holds the fonts): a batch of paper
 * copies with their address labels, and the consolidated national usage statement (issue 17).
 */
import { copiesToPrint, holderOf, nationalStatement } from '@socle/data';
import type { CopyToPrint } from '@socle/data';
import { renderNationalStatement, renderPrintBatchPdf } from '@socle/documents';
import type { CertificateInput } from '@socle/documents';
import { nationalStatementFileName, regionOf } from '@socle/domain';
import { routeOf } from '@socle/contract/routeOf/documents';
import { certificateCodeOf } from '../certificateCodeOf.ts';
import { defineRoute } from '../http.ts';
import type { BinaryBody } from '../http.ts';

/** A certificate as the PDF prints it; its QR code opens the public verification page. */
const certificateInputOf = (certificate: CopyToPrint): CertificateInput => ({
  code: certificate.code,
  certification: certificate.certification as CertificateInput['certification'],
  holder: holderOf(certificate),
  issuedOn: certificate.issuedOn,
  region: regionOf(certificate.region),
  status: certificate.status,
  revokedOn: certificate.revokedOn ?? null,
  verifyBaseUrl: process.env.PUBLIC_WEB_URL ?? 'http://localhost:5173',
});

const printingPdfHandlers = {
  // Generating the batch marks nothing: the person checks the sheets first (markPaperCopiesPrinted).
  printPaperCopyBatch: defineRoute(
    routeOf('printPaperCopyBatch'),
    async ({ actor, body }): Promise<BinaryBody> => {
      const copies = await copiesToPrint(body.codes.map((code) => certificateCodeOf(code)));
      const printedOn = actor.clock.now().slice(0, 10);
      const bytes = await renderPrintBatchPdf({
        copies: copies.map((c) => ({ certificate: certificateInputOf(c), recipient: c.paperCopy.recipient })),
        printedOn,
      });
      return { bytes, fileName: `exemplaires-papier-${printedOn}.pdf` };
    },
  ),
  getNationalStatementPdf: defineRoute(
    routeOf('getNationalStatementPdf'),
    async ({ actor, params }): Promise<BinaryBody> => ({
      bytes: await renderNationalStatement(await nationalStatement(params.period, actor.clock.instant())),
      fileName: nationalStatementFileName(params.period, 'pdf'),
    }),
  ),
};

export { printingPdfHandlers };
