/** The portefeuille de compétences (SPEC §3.2): what a candidate has acquired after an evaluation. */
import { formatDateFr, frenchTypography, fullName } from '../format.ts';
import { createPdf } from '../layout/createPdf.ts';
import { decoratePages } from '../layout/decoratePages.ts';
import { PageCursor } from '../layout/pageCursor.ts';
import type { RenderOptions } from '../types/fonts.ts';
import type { PortfolioInput } from '../types/portfolio.ts';
import type { RenderResult } from '../types/render.ts';
import { certificationLabels } from '@socle/domain';
import {
  closingBlock,
  detailBlock,
  identityBlock,
  portfolioTitle,
  summaryBlock,
  titleBlock,
} from './sections.ts';

// Two arguments rather than one options object (STYLE §1): the input is the document's data, as read
// from the dossier and possibly queued as JSON, while the options are rendering resources (font bytes).

/** Renders the portfolio and reports its pages; `renderPortfolioPdf` when only the bytes matter. */
const renderPortfolio = async (input: PortfolioInput, options: RenderOptions = {}): Promise<RenderResult> => {
  const name = frenchTypography(fullName(input.candidate));
  const title = portfolioTitle(input);
  const { doc, fonts } = await createPdf({
    fonts: options.fonts,
    metadata: {
      title: `${title} – ${name}`,
      subject: `Compétences acquises lors de l’évaluation du ${formatDateFr(input.evaluatedOn)}`,
      keywords: [certificationLabels[input.certification], 'portefeuille de compétences'],
      createdOn: input.issuedOn,
    },
  });
  const cursor = new PageCursor({ doc, fonts });
  titleBlock(cursor, input);
  identityBlock(cursor, input);
  summaryBlock(cursor, input);
  detailBlock(cursor, input);
  closingBlock(cursor, input);
  const pageLabels = decoratePages({
    doc,
    fonts,
    header: `${title} · ${name}`,
    footer: `${name} · délivré le ${formatDateFr(input.issuedOn)} · ne vaut pas certification`,
  });
  const bytes = await doc.save();
  return { bytes, pageCount: doc.getPageCount(), pageLabels };
};

/**
 * The portfolio as PDF bytes (A4, French, DejaVu Sans subset embedded).
 * @example await renderPortfolioPdf({ certification: 'clea', mastery: computeMastery({ referentiel, statuses }), … })
 */
const renderPortfolioPdf = async (input: PortfolioInput, options: RenderOptions = {}): Promise<Uint8Array> =>
  (await renderPortfolio(input, options)).bytes;

export { renderPortfolio, renderPortfolioPdf };
