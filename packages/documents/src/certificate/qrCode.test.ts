import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrRuns } from './qrCode.ts';

const URL = 'https://socle.example.fr/verifier/CLEA-7QX4-M2KD-9PZB-P';

/** The matrix `qrcode` computes, as rows of booleans. */
const reference = (text: string): boolean[][] => {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => Boolean(modules.get(r, c))),
  );
};

describe('Function: qrMatrix', () => {
  it('gives the modules qrcode computes at error correction M', () => {
    expect(qrMatrix(URL).rows).toEqual(reference(URL));
  });

  it('uses a version 4 symbol (33 modules) for a verification link', () => {
    expect(qrMatrix(URL).size).toBe(33);
  });
});

describe('Function: qrRuns', () => {
  it('covers exactly the dark modules', () => {
    // Prepare
    const matrix = qrMatrix(URL);
    const covered = matrix.rows.map((row) => row.map(() => false));

    // Act
    for (const { row, column, length } of qrRuns(matrix)) {
      for (let c = column; c < column + length; c++) {
        const cells = covered[row];
        if (cells) cells[c] = true;
      }
    }

    // Assess
    expect(covered).toEqual(matrix.rows);
  });

  it('merges adjacent modules of a row into one run', () => {
    expect(qrRuns({ size: 4, rows: [[true, true, false, true]] })).toEqual([
      { row: 0, column: 0, length: 2 },
      { row: 0, column: 3, length: 1 },
    ]);
  });
});
