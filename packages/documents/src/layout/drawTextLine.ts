/**
 * One line of text on a page, with a font resource entry per font and page. pdf-lib's
 * `drawText({ font })` adds a new `/Font` resource key on every call (and another one to restore the
 * previous font), so a page of a long table carried hundreds of keys for the same two fonts. Here the
 * font is set on the page only when it changes.
 */
import { setCharacterSpacing } from 'pdf-lib';
import type { Color, PDFFont, PDFPage, Rotation } from 'pdf-lib';

interface DrawTextLineOptions {
  x: number;
  /** Baseline, in PDF coordinates. */
  y: number;
  size: number;
  font: PDFFont;
  color: Color;
  /** Extra space after each character, in points (the PDF `Tc` operator); 0 by default. */
  characterSpacing?: number;
  /** Turns the line about its origin (`x`, `y`), counter-clockwise. */
  rotate?: Rotation;
  /** 0 (invisible) to 1 (opaque, the default). */
  opacity?: number;
}

/** The font last set on each page by this module (pdf-lib keeps it private). */
const currentFont = new WeakMap<PDFPage, PDFFont>();

/** Draws `text` (one line, NFC) with the page's font switched only when it differs. */
const drawTextLine = (
  page: PDFPage,
  text: string,
  { x, y, size, font, color, characterSpacing = 0, rotate, opacity }: DrawTextLineOptions,
): void => {
  if (currentFont.get(page) !== font) {
    page.setFont(font);
    currentFont.set(page, font);
  }
  // The character spacing is text state, which pdf-lib's drawText neither sets nor saves: it is set
  // around the line and put back to 0, so it never leaks into the next one.
  if (characterSpacing) page.pushOperators(setCharacterSpacing(characterSpacing));
  // No `font` option: pdf-lib then draws with the page's font and leaves it set.
  page.drawText(text.normalize('NFC'), { x, y, size, color, rotate, opacity });
  if (characterSpacing) page.pushOperators(setCharacterSpacing(0));
};

/**
 * Width of a line drawn with `characterSpacing`: the spacing follows every character, the last one
 * included, but only the gaps between characters count for placing the line.
 */
const spacedWidth = (text: string, font: PDFFont, size: number, characterSpacing: number): number => {
  const glyphs = [...text.normalize('NFC')].length;
  return font.widthOfTextAtSize(text.normalize('NFC'), size) + characterSpacing * Math.max(glyphs - 1, 0);
};

export type { DrawTextLineOptions };
export { drawTextLine, spacedWidth };
