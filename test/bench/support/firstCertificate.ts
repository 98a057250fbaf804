/**
 * What the documents Lambda's first certificate costs once its import no longer loads the PDF
 * engine (test/bench/coldStart.test.ts): the renderer's first call loads pdf-lib, fontkit, the fonts
 * and the QR encoder, then renders.
 */
import { certificateInput } from '../../../packages/documents/src/certificate/certificateFixture.ts';
import { renderCertificatePdf } from '@socle/documents';

export const handler = async () => (await renderCertificatePdf(certificateInput())).byteLength;
