/** The usage statement of a network for a month (relevé d'utilisation, SPEC §6), as a PDF. */
import { ofName } from '@socle/domain';
import type { UsageStatement } from '@socle/domain';
import { frenchTypography } from '../format.ts';
import { createPdf } from '../layout/createPdf.ts';
import { decoratePages } from '../layout/decoratePages.ts';
import { PageCursor } from '../layout/pageCursor.ts';
import type { RenderOptions } from '../types/fonts.ts';
import {
  ISSUER,
  STATEMENT_TITLE,
  formatMonthFr,
  generatedOn,
  identityBlock,
  linesBlock,
  titleBlock,
} from './sections.ts';

// Two arguments rather than one options object (STYLE §1): the statement is the document's data, as
// `usageStatementOf` builds it, while the options are rendering resources (font bytes).

/**
 * The statement as PDF bytes (A4, French, DejaVu Sans subset embedded). The same statement gives the
 * same bytes: every date comes from the statement, none from the clock.
 * @example await renderUsageStatement(usageStatementOf({ tenant, month: '2026-11', countsByCertification, schedules, generatedAt }))
 */
const renderUsageStatement = async (
  statement: UsageStatement,
  options: RenderOptions = {},
): Promise<Uint8Array> => {
  const network = frenchTypography(statement.tenant.name);
  const month = formatMonthFr(statement.month);
  const { doc, fonts } = await createPdf({
    fonts: options.fonts,
    metadata: {
      title: `${STATEMENT_TITLE} – ${network} – ${month}`,
      subject: `Prestations facturables ${ofName(month)} – ${network}`,
      keywords: ['relevé d’utilisation', 'CléA', statement.month],
      createdOn: generatedOn(statement.generatedAt),
    },
  });
  const cursor = new PageCursor({ doc, fonts });
  titleBlock(cursor, statement);
  identityBlock(cursor, statement);
  linesBlock(cursor, statement);
  decoratePages({
    doc,
    fonts,
    // The name last: a long one is cut short with an ellipsis, the rest stays readable.
    header: `${STATEMENT_TITLE} · ${month} · ${network}`,
    footer: `${ISSUER} · ${STATEMENT_TITLE} · ${month} · ${network}`,
  });
  return doc.save();
};

export { renderUsageStatement };
