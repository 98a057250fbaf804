/**
 * The renderers, loaded on their first call. pdf-lib, fontkit (with its Unicode tables), the standard
 * font metrics and the QR encoder are about 1.4 MB of the documents bundle's 1.85 MB, and evaluating
 * them at import was most of that Lambda's cold start. esbuild bundles into one file without code
 * splitting: an `import()` of a bundled module keeps its code in the file but wraps the module and
 * what only it imports in initialisers run on the first call (`__esm`), so a cold start parses that
 * code lazily and runs none of it. Outside a bundle (tests, the local server) it is a plain `import()`.
 */
import type * as Certificate from './certificate/renderCertificate.ts';
import type * as Minutes from './minutes/renderMinutes.ts';
import type * as Portfolio from './portfolio/renderPortfolio.ts';
import type * as Statement from './statement/renderUsageStatement.ts';
import type * as SubjectAccess from './subjectAccess/renderSubjectAccess.ts';

type Renderer = (...args: never[]) => Promise<unknown>;

/** `render` with the same signature, its module loaded (once: `import()` caches it) on the first call. */
const onFirstCall =
  <F extends Renderer>(load: () => Promise<F>) =>
  async (...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> =>
    (await load())(...args) as Awaited<ReturnType<F>>;

const certificate = () => import('./certificate/renderCertificate.ts');
const minutes = () => import('./minutes/renderMinutes.ts');
const portfolio = () => import('./portfolio/renderPortfolio.ts');
const statement = () => import('./statement/renderUsageStatement.ts');
const subjectAccess = () => import('./subjectAccess/renderSubjectAccess.ts');

const renderCertificate = onFirstCall<typeof Certificate.renderCertificate>(
  async () => (await certificate()).renderCertificate,
);
const renderCertificatePdf = onFirstCall<typeof Certificate.renderCertificatePdf>(
  async () => (await certificate()).renderCertificatePdf,
);
const renderMinutes = onFirstCall<typeof Minutes.renderMinutes>(async () => (await minutes()).renderMinutes);
const renderMinutesPdf = onFirstCall<typeof Minutes.renderMinutesPdf>(
  async () => (await minutes()).renderMinutesPdf,
);
const renderPortfolio = onFirstCall<typeof Portfolio.renderPortfolio>(
  async () => (await portfolio()).renderPortfolio,
);
const renderPortfolioPdf = onFirstCall<typeof Portfolio.renderPortfolioPdf>(
  async () => (await portfolio()).renderPortfolioPdf,
);
const renderUsageStatement = onFirstCall<typeof Statement.renderUsageStatement>(
  async () => (await statement()).renderUsageStatement,
);
const renderSubjectAccess = onFirstCall<typeof SubjectAccess.renderSubjectAccess>(
  async () => (await subjectAccess()).renderSubjectAccess,
);
const renderSubjectAccessPdf = onFirstCall<typeof SubjectAccess.renderSubjectAccessPdf>(
  async () => (await subjectAccess()).renderSubjectAccessPdf,
);

export {
  renderCertificate,
  renderCertificatePdf,
  renderMinutes,
  renderMinutesPdf,
  renderPortfolio,
  renderPortfolioPdf,
  renderSubjectAccess,
  renderSubjectAccessPdf,
  renderUsageStatement,
};
