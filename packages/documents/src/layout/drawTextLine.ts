/**
 * One line of text on a page, with a font resource entry per font and page. pdf-lib's
 * `drawText({ font })` adds a new `/Font` resource key on every call (and another one to restore the
 * previous font), so a page of a long table carried hundreds of keys for the same two fonts. Here the
 * font is set on the page only when it changes.
 */
import type { Color, PDFFont, PDFPage } from 'pdf-lib';

interface DrawTextLineOptions {
  x: number;
  /** Baseline, in PDF coordinates. */
  y: number;
  size: number;
  font: PDFFont;
  color: Color;
}

/** The font last set on each page by this module (pdf-lib keeps it private). */
const currentFont = new WeakMap<PDFPage, PDFFont>();

/** Draws `text` (one line, NFC) with the page's font switched only when it differs. */
const drawTextLine = (
  page: PDFPage,
  text: string,
  { x, y, size, font, color }: DrawTextLineOptions,
): void => {
  if (currentFont.get(page) !== font) {
    page.setFont(font);
    currentFont.set(page, font);
  }
  // No `font` option: pdf-lib then draws with the page's font and leaves it set.
  page.drawText(text.normalize('NFC'), { x, y, size, color });
};

export type { DrawTextLineOptions };
export { drawTextLine };
