import { describe, expect, it } from 'vitest';
import { A4_PORTRAIT } from '../layout/theme.ts';
import { LABELS_PER_SHEET, LABEL_SHEET, labelBox } from './labelSheet.ts';

const MM = 72 / 25.4;

describe('labelBox (2 × 7 labels of 99.1 × 38.1 mm on A4)', () => {
  it('places fourteen labels per sheet, row by row, left to right, within the page', () => {
    expect(LABELS_PER_SHEET).toBe(14);
    const first = labelBox(0);
    const second = labelBox(1);
    const last = labelBox(13);
    expect(first.x).toBeCloseTo(4.65 * MM);
    expect(A4_PORTRAIT[1] - (first.y + first.height)).toBeCloseTo(15.15 * MM);
    expect(second.x - first.x).toBeCloseTo(101.6 * MM);
    expect(second.y).toBeCloseTo(first.y);
    expect(last.y).toBeCloseTo(first.y - 6 * LABEL_SHEET.rowPitch);
    // The bottom margin equals the top one: the sheet is symmetrical, nothing falls off the page.
    expect(last.y).toBeCloseTo(15.15 * MM, 1);
    expect(second.x + second.width).toBeLessThan(A4_PORTRAIT[0]);
    // The fifteenth label starts a new sheet at the top left.
    expect(labelBox(14)).toEqual(first);
  });
});
