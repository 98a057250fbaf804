/**
 * Running header and footer, drawn once every page exists so the footer can say `page X / Y`.
 */
import type { PDFDocument } from 'pdf-lib';
import { drawTextLine } from './drawTextLine.ts';
import type { LayoutFonts } from './pageCursor.ts';
import { theme } from './theme.ts';
import { fitLine } from './wrapText.ts';

interface DecoratePagesOptions {
  doc: PDFDocument;
  fonts: LayoutFonts;
  /** Small line at the top (e.g. the document title and the holder's name). */
  header?: string;
  /** The first page usually carries the full title, so the header starts on page 2 unless asked. */
  headerOnFirstPage?: boolean;
  /** Small text at the bottom left; the bottom right always holds `page X / Y`. */
  footer?: string;
}

/** Draws the header and footer on every page and returns the page labels, in page order. */
const decoratePages = ({
  doc,
  fonts,
  header,
  headerOnFirstPage = false,
  footer,
}: DecoratePagesOptions): string[] => {
  const pages = doc.getPages();
  const size = theme.sizes.small;
  const color = theme.colors.muted;
  const font = fonts.regular;
  return pages.map((page, index) => {
    const { width, height } = page.getSize();
    const left = theme.margins.left;
    const right = width - theme.margins.right;
    if (header && (index > 0 || headerOnFirstPage)) {
      const text = fitLine({ text: header, font, size, maxWidth: right - left });
      drawTextLine(page, text, { x: left, y: height - theme.margins.top + 28, size, font, color });
      page.drawLine({
        start: { x: left, y: height - theme.margins.top + 22 },
        end: { x: right, y: height - theme.margins.top + 22 },
        thickness: 0.5,
        color: theme.colors.rule,
      });
    }
    const label = `page ${index + 1} / ${pages.length}`;
    const labelWidth = font.widthOfTextAtSize(label, size);
    const y = theme.margins.bottom - 32;
    page.drawLine({
      start: { x: left, y: y + 12 },
      end: { x: right, y: y + 12 },
      thickness: 0.5,
      color: theme.colors.rule,
    });
    drawTextLine(page, label, { x: right - labelWidth, y, size, font, color });
    if (footer) {
      const text = fitLine({ text: footer, font, size, maxWidth: right - left - labelWidth - 16 });
      drawTextLine(page, text, { x: left, y, size, font, color });
    }
    return label;
  });
};

export type { DecoratePagesOptions };
export { decoratePages };
