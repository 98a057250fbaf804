/**
 * The QR code of the certificate, drawn as vector rectangles: no raster image, so it stays sharp at any
 * print size and adds about 1 KB to the file. `qrcode` only computes the module matrix.
 */
import { create } from 'qrcode';
import {
  concatTransformationMatrix,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingColor,
} from 'pdf-lib';
import type { Color, PDFPage } from 'pdf-lib';

/** The modules of a QR code, row by row from the top; `true` is dark. */
interface QrMatrix {
  /** Modules per side (21 for version 1, 33 for version 4…), quiet zone excluded. */
  size: number;
  rows: boolean[][];
}

/** A horizontal run of dark modules: row, first column, length (in modules). */
interface QrRun {
  row: number;
  column: number;
  length: number;
}

interface DrawQrCodeOptions {
  text: string;
  /** Bottom-left corner of the symbol (quiet zone excluded), in PDF coordinates. */
  x: number;
  y: number;
  /** Side of the symbol in points, quiet zone excluded. */
  side: number;
  color: Color;
}

/**
 * Error correction M (15 % of the symbol can be lost): the level most printed codes use, a good trade
 * between a smudged print and a denser symbol.
 */
const ERROR_CORRECTION = 'M';

/** The QR code of `text` as a boolean matrix. */
const qrMatrix = (text: string): QrMatrix => {
  const { modules } = create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const rows = Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, column) => Boolean(modules.get(row, column))),
  );
  return { size: modules.size, rows };
};

/** The dark modules merged into horizontal runs: a 33 × 33 symbol draws about 300 rectangles, not 550. */
const qrRuns = ({ rows }: QrMatrix): QrRun[] =>
  rows.flatMap((modules, row) => {
    const runs: QrRun[] = [];
    modules.forEach((dark, column) => {
      if (!dark) return;
      const last = runs.at(-1);
      if (last && last.column + last.length === column) last.length++;
      else runs.push({ row, column, length: 1 });
    });
    return runs;
  });

/**
 * Draws the symbol as one filled path. The coordinate system is scaled to one unit per module, with y
 * going down as the matrix rows do, so each run is written as `column row length 1 re` in integers.
 * Adjacent rectangles of one path are filled as one shape: no hairline seams between modules, as
 * separately filled squares show in some viewers. The caller leaves a light quiet zone around it.
 * @example drawQrCode(page, { text: 'https://socle.example.fr/verifier/CLEA-…', x: 680, y: 60, side: 92, color })
 */
const drawQrCode = (page: PDFPage, { text, x, y, side, color }: DrawQrCodeOptions): QrMatrix => {
  const matrix = qrMatrix(text);
  const unit = side / matrix.size;
  page.pushOperators(
    pushGraphicsState(),
    setFillingColor(color),
    // Origin at the symbol's top-left corner, one unit per module, y downwards.
    concatTransformationMatrix(unit, 0, 0, -unit, x, y + side),
    ...qrRuns(matrix).map(({ row, column, length }) => rectangle(column, row, length, 1)),
    fill(),
    popGraphicsState(),
  );
  return matrix;
};

export type { DrawQrCodeOptions, QrMatrix, QrRun };
export { drawQrCode, qrMatrix, qrRuns };
