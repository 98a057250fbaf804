/** The subject access document (GDPR art. 15): everything a network holds about a candidate, readable. */
import type { SubjectAccessExport } from '@socle/domain';
import { formatDateFr, frenchTypography, fullName } from '../format.ts';
import { createPdf } from '../layout/createPdf.ts';
import { decoratePages } from '../layout/decoratePages.ts';
import { PageCursor } from '../layout/pageCursor.ts';
import type { RenderOptions } from '../types/fonts.ts';
import type { RenderResult } from '../types/render.ts';
import { dossierBlock, identityBlock, titleBlock } from './sections.ts';

// Two arguments rather than one options object (STYLE §1), like the other renderers: the document's
// data (the JSON export itself), then the rendering resources.

/** Renders the export and reports its pages; `renderSubjectAccessPdf` when only the bytes matter. */
const renderSubjectAccess = async (
  input: SubjectAccessExport,
  options: RenderOptions = {},
): Promise<RenderResult> => {
  const name = frenchTypography(fullName(input.candidate));
  const issuedOn = input.generatedAt.slice(0, 10);
  const { doc, fonts } = await createPdf({
    fonts: options.fonts,
    metadata: {
      title: `Vos données personnelles – ${name}`,
      subject: `Droit d’accès : données détenues par ${input.network.name}`,
      keywords: ['RGPD', 'droit d’accès', 'données personnelles'],
      createdOn: issuedOn,
    },
  });
  const cursor = new PageCursor({ doc, fonts });
  titleBlock(cursor, input);
  identityBlock(cursor, input);
  if (input.dossiers.length === 0) cursor.paragraph('Aucun dossier.');
  for (const entry of input.dossiers) dossierBlock(cursor, entry);
  const pageLabels = decoratePages({
    doc,
    fonts,
    header: `Vos données personnelles · ${name}`,
    footer: `${frenchTypography(input.network.name)} · droit d’accès · édité le ${formatDateFr(issuedOn)}`,
  });
  const bytes = await doc.save();
  return { bytes, pageCount: doc.getPageCount(), pageLabels };
};

/**
 * The export as PDF bytes (A4, French, DejaVu Sans subset embedded).
 * @example await renderSubjectAccessPdf(await exportSubjectData(scope, ctx, candidateId, 'pdf'))
 */
const renderSubjectAccessPdf = async (input: SubjectAccessExport, options: RenderOptions = {}) =>
  (await renderSubjectAccess(input, options)).bytes;

export { renderSubjectAccess, renderSubjectAccessPdf };
