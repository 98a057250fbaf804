/** The procès-verbal (minutes) of a regional jury session (SPEC §4), produced once the session is closed. */
import { formatDateFr, frenchTypography } from '../format.ts';
import { createPdf } from '../layout/createPdf.ts';
import { decoratePages } from '../layout/decoratePages.ts';
import { PageCursor } from '../layout/pageCursor.ts';
import type { RenderOptions } from '../types/fonts.ts';
import type { MinutesInput } from '../types/minutes.ts';
import type { RenderResult } from '../types/render.ts';
import {
  MINUTES_TITLE,
  candidatesBlock,
  closingBlock,
  conflictsBlock,
  membersBlock,
  sessionBlock,
  sessionLabel,
  titleBlock,
  totalsBlock,
} from './sections.ts';

// Two arguments, as renderPortfolio: the input is the session's data, the options rendering resources.

/** Renders the minutes and reports their pages; `renderMinutesPdf` when only the bytes matter. */
const renderMinutes = async (input: MinutesInput, options: RenderOptions = {}): Promise<RenderResult> => {
  const region = frenchTypography(input.region.name);
  const session = sessionLabel(input);
  const { doc, fonts } = await createPdf({
    fonts: options.fonts,
    metadata: {
      title: `Procès-verbal – jury paritaire régional CléA – ${region} – ${session}`,
      subject: `${MINUTES_TITLE} (${region}, ${session})`,
      keywords: ['CléA', 'jury paritaire régional', 'procès-verbal', region],
      createdOn: input.issuedOn,
    },
  });
  const cursor = new PageCursor({ doc, fonts });
  titleBlock(cursor, input);
  sessionBlock(cursor, input);
  membersBlock(cursor, input);
  candidatesBlock(cursor, input);
  conflictsBlock(cursor, input);
  totalsBlock(cursor, input);
  closingBlock(cursor, input);
  const pageLabels = decoratePages({
    doc,
    fonts,
    header: `Procès-verbal du jury paritaire régional CléA · ${region} · ${session}`,
    footer: `Procès-verbal · ${region} · ${session} · établi le ${formatDateFr(input.issuedOn)}`,
  });
  const bytes = await doc.save();
  return { bytes, pageCount: doc.getPageCount(), pageLabels };
};

/**
 * The minutes as PDF bytes (A4, French, DejaVu Sans subset embedded).
 * @example await renderMinutesPdf({ region: { code: '11', name: 'Île-de-France' }, session, members, candidates, … })
 */
const renderMinutesPdf = async (input: MinutesInput, options: RenderOptions = {}): Promise<Uint8Array> =>
  (await renderMinutes(input, options)).bytes;

export { renderMinutes, renderMinutesPdf };
