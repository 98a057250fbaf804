/**
 * Greedy word wrap measured with the real font, so a line never overflows its box.
 * Only ordinary spaces break a line: a non-breaking space (U+00A0, U+202F) keeps `maîtrisés :` or
 * `15 juin` together, as French typography expects.
 */

/**
 * What wrapping needs from a font; `PDFFont` from pdf-lib satisfies it. Widths must add up (the width of
 * `a b` is that of `a`, ` ` and `b`) and grow linearly with the size, as pdf-lib's embedded fonts do.
 */
interface MeasureFont {
  widthOfTextAtSize(text: string, size: number): number;
}

interface WrapTextOptions {
  text: string;
  font: MeasureFont;
  /** Font size in points. */
  size: number;
  /** Width of the box in points. */
  maxWidth: number;
}

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

// Measuring is a full fontkit layout (about 0.3 ms), and a greedy wrap asks for every prefix of every
// line. pdf-lib's width of an embedded font is the plain sum of glyph advances scaled by the size (it
// draws without kerning too), so each word is measured once at size 1, cached per font, and a line's
// width is the sum of its words and spaces.
const unitWidths = new WeakMap<MeasureFont, Map<string, number>>();

const unitWidth = (font: MeasureFont, text: string): number => {
  let cache = unitWidths.get(font);
  if (!cache) {
    cache = new Map();
    unitWidths.set(font, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    cache.set(text, width);
  }
  return width;
};

/** Cuts a word wider than the box where it overflows; each piece holds at least one grapheme. */
const splitWord = (word: string, fits: (text: string) => boolean): string[] => {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(word)) {
    if (piece && !fits(piece + segment)) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
};

/**
 * @example wrapText({ text: 'Écouter et comprendre', font, size: 10, maxWidth: 80 }) // ['Écouter et', 'comprendre']
 */
const wrapText = ({ text, font, size, maxWidth }: WrapTextOptions): string[] => {
  const limit = maxWidth / size;
  const space = unitWidth(font, ' ');
  const fits = (candidate: string) => unitWidth(font, candidate) <= limit;
  const lines: string[] = [];
  // NFC: the font has precomposed glyphs (é, ő), while a decomposed e + U+0301 would be drawn apart.
  for (const paragraph of text.normalize('NFC').split(/\r\n|\r|\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const wordWidth = unitWidth(font, word);
      if (line && lineWidth + space + wordWidth <= limit) {
        line = `${line} ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      const pieces = wordWidth <= limit ? [word] : splitWord(word, fits);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      lineWidth = unitWidth(font, line);
    }
    if (line) lines.push(line);
  }
  return lines;
};

/** One line only: the text itself if it fits, else its first line cut short with an ellipsis. */
const fitLine = ({ text, font, size, maxWidth }: WrapTextOptions): string => {
  const [first = '', ...rest] = wrapText({ text, font, size, maxWidth });
  if (rest.length === 0) return first;
  let cut = first;
  while (cut && font.widthOfTextAtSize(`${cut}…`, size) > maxWidth) cut = cut.slice(0, -1).trimEnd();
  return `${cut}…`;
};

export type { MeasureFont, WrapTextOptions };
export { fitLine, wrapText };
