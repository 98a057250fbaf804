/** The stamp across a revoked certificate. */
import { degrees, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { drawTextLine, spacedWidth } from '../layout/drawTextLine.ts';
import { theme } from '../layout/theme.ts';

/** Degrees, counter-clockwise: the stamp rises from left to right. */
const STAMP_ANGLE = 18;

/**
 * `RÉVOQUÉ le 12 mai 2025` in red capitals inside a double box, turned across the middle of the page,
 * a little transparent over a white veil: what it covers still shows, but the stamp reads first.
 * pdf-lib turns text and rectangles about their own bottom-left corner: both corners are computed from
 * the page centre.
 */
const drawRevokedStamp = (page: PDFPage, font: PDFFont, text: string): void => {
  const { width, height } = page.getSize();
  const size = 38;
  const spacing = 1.5;
  const pad = { x: 20, y: 12 };
  // DejaVu's descent and ascent (accents included), in em.
  const descent = 0.24 * size;
  const boxWidth = spacedWidth(text, font, size, spacing) + 2 * pad.x;
  const boxHeight = 2 * pad.y + descent + 0.93 * size;
  const angle = (STAMP_ANGLE * Math.PI) / 180;
  const turn = (dx: number, dy: number) => ({
    x: dx * Math.cos(angle) - dy * Math.sin(angle),
    y: dx * Math.sin(angle) + dy * Math.cos(angle),
  });
  const centre = { x: width / 2, y: height / 2 + 24 };
  const half = turn(boxWidth / 2, boxHeight / 2);
  const corner = { x: centre.x - half.x, y: centre.y - half.y };
  const color = theme.colors.danger;
  const box = (inset: number, borderWidth: number, veil?: boolean) => {
    const offset = turn(inset, inset);
    page.drawRectangle({
      x: corner.x + offset.x,
      y: corner.y + offset.y,
      width: boxWidth - 2 * inset,
      height: boxHeight - 2 * inset,
      rotate: degrees(STAMP_ANGLE),
      borderColor: color,
      borderWidth,
      borderOpacity: 0.85,
      ...(veil ? { color: rgb(1, 1, 1), opacity: 0.6 } : {}),
    });
  };
  box(0, 3, true);
  box(5, 1);
  const origin = turn(pad.x, pad.y + descent);
  drawTextLine(page, text, {
    x: corner.x + origin.x,
    y: corner.y + origin.y,
    size,
    font,
    color,
    characterSpacing: spacing,
    rotate: degrees(STAMP_ANGLE),
    opacity: 0.85,
  });
};

export { drawRevokedStamp };
