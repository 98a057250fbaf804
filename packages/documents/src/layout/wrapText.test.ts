import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../fonts.ts';
import type { MeasureFont } from './wrapText.ts';
import { fitLine, wrapText } from './wrapText.ts';

/** Every character is 1 unit wide at size 1: widths are easy to count. */
const monospace: MeasureFont = { widthOfTextAtSize: (text, size) => [...text].length * size };

const CRITERION =
  'Comprendre la structure du document (par exemple pour une lettre : bloc adresse, date, objet, corps du ' +
  'texte, signature ; un message : adresse courriel, objet, corps du message, signature)';

describe('Function: wrapText', () => {
  let dejavu: PDFFont;

  beforeAll(async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    dejavu = await doc.embedFont(loadFonts().regular, { subset: true });
  });

  it('keeps every line within the width, measured with the real font', () => {
    // Prepare
    const maxWidth = 180;

    // Act
    const lines = wrapText({ text: CRITERION, font: dejavu, size: 10, maxWidth });

    // Assess
    expect(lines.map((line) => dejavu.widthOfTextAtSize(line, 10)).every((w) => w <= maxWidth)).toBe(true);
  });

  it('loses no word', () => {
    // Act
    const lines = wrapText({ text: CRITERION, font: dejavu, size: 10, maxWidth: 180 });

    // Assess
    expect(lines.join(' ')).toBe(CRITERION);
  });

  it('fills each line as much as it can', () => {
    // Act
    const lines = wrapText({ text: 'aa bb cc dd', font: monospace, size: 1, maxWidth: 5 });

    // Assess
    expect(lines).toEqual(['aa bb', 'cc dd']);
  });

  it('splits a word longer than the width', () => {
    // Act
    const lines = wrapText({ text: 'ab abcdefghij cd', font: monospace, size: 1, maxWidth: 4 });

    // Assess
    expect(lines).toEqual(['ab', 'abcd', 'efgh', 'ij', 'cd']);
  });

  it('splits a long word of the real font without overflowing', () => {
    // Prepare
    const word = 'Anticonstitutionnellement-Öztürk-N’Diaye-Łódź';

    // Act
    const lines = wrapText({ text: word, font: dejavu, size: 12, maxWidth: 60 });

    // Assess
    expect(
      lines.length > 1 &&
        lines.every((l) => dejavu.widthOfTextAtSize(l, 12) <= 60) &&
        lines.join('') === word,
    ).toBe(true);
  });

  it('gives no line for empty text', () => {
    // Act
    const lines = wrapText({ text: '', font: dejavu, size: 10, maxWidth: 100 });

    // Assess
    expect(lines).toEqual([]);
  });

  it('gives no line for blank text', () => {
    // Act
    const lines = wrapText({ text: '  \n\t ', font: monospace, size: 1, maxWidth: 100 });

    // Assess
    expect(lines).toEqual([]);
  });

  it('starts a new line at each line break', () => {
    // Act
    const lines = wrapText({ text: 'un\ndeux trois', font: monospace, size: 1, maxWidth: 50 });

    // Assess
    expect(lines).toEqual(['un', 'deux trois']);
  });

  it('does not break at a non-breaking space', () => {
    // Act
    const lines = wrapText({ text: 'Domaines maîtrisés\u00a0: 3', font: monospace, size: 1, maxWidth: 19 });

    // Assess
    expect(lines).toEqual(['Domaines', 'maîtrisés\u00a0: 3']);
  });

  it('measures text as composed characters', () => {
    // Act
    const lines = wrapText({ text: 'e\u0301te\u0301', font: monospace, size: 1, maxWidth: 3 });

    // Assess
    expect(lines).toEqual(['été']);
  });
});

describe('Function: fitLine', () => {
  it('keeps a line that fits', () => {
    // Act
    const line = fitLine({ text: 'court', font: monospace, size: 1, maxWidth: 10 });

    // Assess
    expect(line).toBe('court');
  });

  it('cuts a line that does not fit with an ellipsis', () => {
    // Act
    const line = fitLine({ text: 'un texte bien trop long', font: monospace, size: 1, maxWidth: 10 });

    // Assess
    expect(line).toBe('un texte…');
  });
});
