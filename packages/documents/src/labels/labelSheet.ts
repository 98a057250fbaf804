/**
 * Address labels on A4 sheets of 2 × 7 labels of 99.1 × 38.1 mm (the common French "planche
 * d'étiquettes" sold as Avery L7163 / J8163, Agipa 119010 and equivalents): 15.15 mm top margin,
 * 4.65 mm left margin, 2.5 mm between the two columns, no gap between rows. Labels fill the sheet
 * row by row, left to right, in the order of the batch.
 */
import type { PDFDocument } from 'pdf-lib';
import { drawTextLine } from '../layout/drawTextLine.ts';
import type { LayoutFonts } from '../layout/pageCursor.ts';
import { A4_PORTRAIT, theme } from '../layout/theme.ts';
import { fitLine, wrapText } from '../layout/wrapText.ts';
import { MAX_ADDRESS_LINES, postalAddress } from './postalAddress.ts';
import type { PostalRecipient } from './postalAddress.ts';

const MM = 72 / 25.4;

const LABEL_SHEET = {
  name: '2 × 7 étiquettes de 99,1 × 38,1 mm (type Avery L7163)',
  columns: 2,
  rows: 7,
  labelWidth: 99.1 * MM,
  labelHeight: 38.1 * MM,
  top: 15.15 * MM,
  left: 4.65 * MM,
  columnPitch: 101.6 * MM,
  rowPitch: 38.1 * MM,
  /** Kept clear inside each label: printers drift by a millimetre or two. */
  padding: 6 * MM,
} as const;

const LABELS_PER_SHEET = LABEL_SHEET.columns * LABEL_SHEET.rows;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The `index`-th label of a sheet (0 = top left), in PDF points from the page's bottom left. */
const labelBox = (index: number): Box => {
  const column = index % LABEL_SHEET.columns;
  const row = Math.floor(index / LABEL_SHEET.columns) % LABEL_SHEET.rows;
  const [, pageHeight] = A4_PORTRAIT;
  return {
    x: LABEL_SHEET.left + column * LABEL_SHEET.columnPitch,
    y: pageHeight - LABEL_SHEET.top - (row + 1) * LABEL_SHEET.rowPitch,
    width: LABEL_SHEET.labelWidth,
    height: LABEL_SHEET.labelHeight,
  };
};

const SIZE = 10;
const LEADING = 12;

/**
 * The lines as they fit the label: long street lines wrap, the whole stays within six lines (the
 * street gives way first: the name and the town line always print), each line cut to the width.
 */
const fittedLines = (recipient: PostalRecipient, fonts: LayoutFonts, maxWidth: number): string[] => {
  const { name, street: typed, tail } = postalAddress(recipient);
  const street = typed
    .flatMap((line) => wrapText({ text: line, font: fonts.regular, size: SIZE, maxWidth }))
    .slice(0, MAX_ADDRESS_LINES - 1 - tail.length);
  return [
    fitLine({ text: name, font: fonts.bold, size: SIZE, maxWidth }),
    ...[...street, ...tail].map((text) => fitLine({ text, font: fonts.regular, size: SIZE, maxWidth })),
  ];
};

/** Draws one label: the address block centred vertically, the name in bold. */
const drawLabel = (
  page: ReturnType<PDFDocument['addPage']>,
  fonts: LayoutFonts,
  box: Box,
  recipient: PostalRecipient,
) => {
  const maxWidth = box.width - 2 * LABEL_SHEET.padding;
  const lines = fittedLines(recipient, fonts, maxWidth);
  const blockHeight = (lines.length - 1) * LEADING + SIZE;
  let y = box.y + (box.height + blockHeight) / 2 - SIZE;
  lines.forEach((text, i) => {
    drawTextLine(page, text, {
      x: box.x + LABEL_SHEET.padding,
      y,
      font: i === 0 ? fonts.bold : fonts.regular,
      size: SIZE,
      color: theme.colors.text,
    });
    y -= LEADING;
  });
};

/** Adds as many label sheets as the recipients need, in their order. */
const drawLabelSheets = (
  doc: PDFDocument,
  fonts: LayoutFonts,
  recipients: readonly PostalRecipient[],
): number => {
  let page: ReturnType<PDFDocument['addPage']> | undefined;
  recipients.forEach((recipient, i) => {
    if (i % LABELS_PER_SHEET === 0) page = doc.addPage(A4_PORTRAIT);
    drawLabel(page as NonNullable<typeof page>, fonts, labelBox(i), recipient);
  });
  return Math.ceil(recipients.length / LABELS_PER_SHEET);
};

export { LABELS_PER_SHEET, LABEL_SHEET, drawLabelSheets, labelBox };
