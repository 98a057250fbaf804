/**
 * The certificate page (SPEC §5), A4 landscape: a double frame, the title, the holder and the jury's
 * decision centred in the upper part, and a verification band at the foot (code, link, QR code). A
 * revoked certificate carries a red stamp across the middle (revokedStamp.ts). Placed by hand rather
 * than flowed with PageCursor: everything fits one page, and only the name and the decision line can
 * take a second line.
 */
import type { Certification } from '@socle/domain';
import { certificationLabels } from '@socle/domain';
import { PDFString } from 'pdf-lib';
import type { Color, PDFFont, PDFPage } from 'pdf-lib';
import { NBSP, formatDateFr, frenchTypography, fullName } from '../format.ts';
import { drawTextLine, spacedWidth } from '../layout/drawTextLine.ts';
import type { LayoutFonts } from '../layout/pageCursor.ts';
import { theme } from '../layout/theme.ts';
import { wrapText } from '../layout/wrapText.ts';
import type { CertificateInput } from '../types/certificate.ts';
import { drawQrCode } from './qrCode.ts';
import { drawRevokedStamp } from './revokedStamp.ts';

/** What the page prints, worded and formatted: the drawing code below only places it. */
interface CertificateView {
  title: string;
  subtitle: string;
  name: string;
  birth: string;
  achievement: string;
  decision: string;
  code: string;
  verifyUrl: string;
  verifyPage: string;
  /** `RÉVOQUÉ le 12 mai 2025`, for a revoked certificate only. */
  revoked?: string;
  /** The band's line on a revoked certificate. */
  revokedNotice?: string;
}

interface Canvas {
  page: PDFPage;
  fonts: LayoutFonts;
  width: number;
  height: number;
}

const subtitles: Record<Certification, string> = {
  clea: 'Socle de connaissances et de compétences professionnelles',
  // Its object as the sources of referentiel-clea-numerique.json word it (S1); to confirm, as that
  // référentiel is.
  'clea-numerique': 'Acquisition des usages fondamentaux du numérique',
};

/** Outer frame, inset from the page edge; the inner one sits `FRAME_GAP` inside it. */
const FRAME_INSET = 22;
const FRAME_GAP = 6;
/** Left and right edges of the verification band, inside the frames. */
const BAND_INSET = 74;
/** Top of the verification band: the rule between the decision and the code. */
const BAND_TOP = 172;
/** Side of the QR code, quiet zone excluded: about 3 cm, 1 mm a module for a version 4 symbol. */
const QR_SIDE = 90;
const QR_BOTTOM = 62;

const certificateTitle = (certification: Certification): string =>
  `Certificat ${certificationLabels[certification]}`;

/**
 * Words the certificate. The verification link is built here, once, for the caption and the QR code.
 * `code` is the normalised code (see renderCertificate.ts).
 */
const certificateView = (input: CertificateInput, code: string): CertificateView => {
  const base = input.verifyBaseUrl.trim().replace(/\/+$/, '');
  const label = certificationLabels[input.certification];
  const revokedOn = input.revokedOn ? formatDateFr(input.revokedOn) : undefined;
  const revoked = input.status === 'revoked';
  return {
    title: certificateTitle(input.certification),
    subtitle: subtitles[input.certification],
    name: frenchTypography(fullName(input.holder)),
    birth: `né(e) le ${formatDateFr(input.holder.birthDate)}`,
    achievement: `a validé l’ensemble des domaines du référentiel ${label}.`,
    decision: `Délivré le ${formatDateFr(input.issuedOn)} par le jury paritaire de la région ${frenchTypography(input.region.name.trim())}.`,
    code,
    verifyUrl: `${base}/verifier/${code}`,
    verifyPage: `${base}/verifier`,
    // A revoked certificate without its date still says so: it must never read as valid.
    revoked: revoked ? (revokedOn ? `RÉVOQUÉ le ${revokedOn}` : 'RÉVOQUÉ') : undefined,
    revokedNotice: revoked
      ? `Ce certificat a été révoqué${revokedOn ? ` le ${revokedOn}` : ''}${NBSP}: il n’atteste plus de la certification.`
      : undefined,
  };
};

interface LineStyle {
  font: PDFFont;
  size: number;
  color?: Color;
  characterSpacing?: number;
}

/** One line centred on the page. */
const centred = (canvas: Canvas, text: string, y: number, style: LineStyle): void => {
  const { font, size, color = theme.colors.text, characterSpacing = 0 } = style;
  const x = (canvas.width - spacedWidth(text, font, size, characterSpacing)) / 2;
  drawTextLine(canvas.page, text, { x, y, size, font, color, characterSpacing });
};

/** The largest size from `max` down to `min` (half points) at which `text` fits `width` on one line. */
const fittingSize = (text: string, font: PDFFont, width: number, max: number, min: number): number => {
  const atMax = font.widthOfTextAtSize(text, max);
  if (atMax <= width) return max;
  return Math.max(min, Math.floor(((max * width) / atMax) * 2) / 2);
};

const diamond = (page: PDFPage, x: number, y: number, r: number, color: Color): void => {
  page.drawSvgPath(`M 0 ${-r} L ${r} 0 L 0 ${r} L ${-r} 0 Z`, { x, y, color });
};

/** A thick outer frame and a hairline inner one, with a small diamond at each inner corner. */
const frame = ({ page, width, height }: Canvas): void => {
  const color = theme.colors.accent;
  page.drawRectangle({
    x: FRAME_INSET,
    y: FRAME_INSET,
    width: width - 2 * FRAME_INSET,
    height: height - 2 * FRAME_INSET,
    borderColor: color,
    borderWidth: 1.6,
  });
  const inner = FRAME_INSET + FRAME_GAP;
  page.drawRectangle({
    x: inner,
    y: inner,
    width: width - 2 * inner,
    height: height - 2 * inner,
    borderColor: color,
    borderWidth: 0.5,
  });
  for (const x of [inner, width - inner]) {
    for (const y of [inner, height - inner]) diamond(page, x, y, 3.2, color);
  }
};

/** Two short rules and a diamond, under the subtitle. */
const ornament = ({ page, width }: Canvas, y: number): void => {
  const centre = width / 2;
  const color = theme.colors.accent;
  for (const side of [-1, 1]) {
    page.drawLine({
      start: { x: centre + side * 10, y },
      end: { x: centre + side * 96, y },
      thickness: 0.6,
      color,
    });
  }
  diamond(page, centre, y, 3, color);
};

/** A centred line and the distance from the previous baseline to its own. */
interface PlacedLine extends LineStyle {
  text: string;
  advance: number;
}

/**
 * The holder's name on one line, shrunk if it must; a name too long even at 20 pt wraps on two lines,
 * and a longer one still gets smaller until it takes two.
 */
const nameLines = (name: string, font: PDFFont, width: number): { lines: string[]; size: number } => {
  let size = fittingSize(name, font, width, 34, 20);
  let lines = wrapText({ text: name, font, size, maxWidth: width });
  while (lines.length > 2 && size > 12) {
    size -= 1;
    lines = wrapText({ text: name, font, size, maxWidth: width });
  }
  return { lines, size };
};

/** The statement about the holder, line by line, with the space above each. */
const statementLines = (canvas: Canvas, view: CertificateView): PlacedLine[] => {
  const { regular, bold } = canvas.fonts;
  const width = canvas.width - 2 * BAND_INSET;
  const name = nameLines(view.name, bold, width);
  const decision = wrapText({ text: view.decision, font: regular, size: 12, maxWidth: width });
  const body = { font: regular, size: 12, color: theme.colors.text };
  return [
    { text: 'Le présent certificat atteste que', ...body, color: theme.colors.muted, advance: 0 },
    ...name.lines.map((text, index) => ({
      text,
      font: bold,
      size: name.size,
      color: theme.colors.text,
      advance: index === 0 ? 20 + name.size * 0.93 : name.size * 1.2,
    })),
    { text: view.birth, ...body, advance: 28 },
    { text: view.achievement, ...body, advance: 36 },
    ...decision.map((text) => ({ text, ...body, advance: 19 })),
  ];
};

/**
 * Title and subtitle under the top of the frame, then the statement about the holder, centred in the
 * space left above the verification band.
 */
const statementBlock = (canvas: Canvas, view: CertificateView): void => {
  const { regular, bold } = canvas.fonts;
  let y = canvas.height - 108;
  centred(canvas, view.title, y, { font: bold, size: 34, color: theme.colors.accent, characterSpacing: 0.6 });
  y -= 30;
  centred(canvas, view.subtitle, y, { font: regular, size: 13, color: theme.colors.muted });
  y -= 26;
  ornament(canvas, y);

  const lines = statementLines(canvas, view);
  // From the cap height of the first line (about 0.73 em) to the baseline of the last.
  const height = (lines[0]?.size ?? 0) * 0.73 + lines.reduce((sum, line) => sum + line.advance, 0);
  const room = y - BAND_TOP;
  y -= Math.max(24, (room - height) / 2) + (lines[0]?.size ?? 0) * 0.73;
  for (const { text, advance, ...style } of lines) {
    y -= advance;
    centred(canvas, text, y, style);
  }
};

/**
 * The foot of the page: the code and how to verify it on the left, the QR code on the right. The QR
 * code has a quiet zone of more than four modules of white around it, as readers need.
 */
const verificationBand = (canvas: Canvas, view: CertificateView): void => {
  const { page, fonts, width } = canvas;
  const left = BAND_INSET;
  const right = width - BAND_INSET;
  page.drawLine({
    start: { x: left, y: BAND_TOP },
    end: { x: right, y: BAND_TOP },
    thickness: 0.6,
    color: theme.colors.rule,
  });
  drawQrCode(page, {
    text: view.verifyUrl,
    x: right - QR_SIDE,
    y: QR_BOTTOM,
    side: QR_SIDE,
    color: theme.colors.text,
  });
  link(page, view.verifyUrl, { x: right - QR_SIDE, y: QR_BOTTOM, width: QR_SIDE, height: QR_SIDE });

  const columnWidth = right - QR_SIDE - 28 - left;
  let y = BAND_TOP - 30;
  drawTextLine(page, 'CODE DU CERTIFICAT', {
    x: left,
    y,
    size: 7.5,
    font: fonts.bold,
    color: theme.colors.muted,
    characterSpacing: 1.2,
  });
  y -= 25;
  // DejaVu Sans Mono when it is available; else the bold face, spaced out so the groups still read apart.
  const codeFont = fonts.mono ?? fonts.bold;
  drawTextLine(page, view.code, {
    x: left,
    y,
    size: 20,
    font: codeFont,
    color: theme.colors.accent,
    characterSpacing: fonts.mono ? 0.8 : 1.6,
  });
  y -= 24;
  const caption = `Vérifier ce certificat${NBSP}: ${view.verifyUrl}`;
  for (const line of wrapText({ text: caption, font: fonts.regular, size: 9.5, maxWidth: columnWidth })) {
    drawTextLine(page, line, { x: left, y, size: 9.5, font: fonts.regular, color: theme.colors.text });
    const width = fonts.regular.widthOfTextAtSize(line, 9.5);
    link(page, view.verifyUrl, { x: left, y: y - 3, width, height: 13 });
    y -= 13;
  }
  const instruction = `Scannez ce code ou saisissez le code du certificat sur ${view.verifyPage}`;
  for (const line of wrapText({ text: instruction, font: fonts.regular, size: 8.5, maxWidth: columnWidth })) {
    drawTextLine(page, line, { x: left, y, size: 8.5, font: fonts.regular, color: theme.colors.muted });
    y -= 12;
  }
  if (view.revokedNotice) {
    y -= 2;
    for (const line of wrapText({
      text: view.revokedNotice,
      font: fonts.bold,
      size: 9,
      maxWidth: columnWidth,
    })) {
      drawTextLine(page, line, { x: left, y, size: 9, font: fonts.bold, color: theme.colors.danger });
      y -= 12;
    }
  }
};

/** Makes a rectangle of the page open `url` when clicked, in viewers that follow links. */
const link = (
  page: PDFPage,
  url: string,
  box: { x: number; y: number; width: number; height: number },
): void => {
  const { context } = page.doc;
  const annotation = context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [box.x, box.y, box.x + box.width, box.y + box.height],
    Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
  });
  page.node.addAnnot(context.register(annotation));
};

/** Draws the whole certificate on `page`. */
const drawCertificate = (page: PDFPage, fonts: LayoutFonts, view: CertificateView): void => {
  const { width, height } = page.getSize();
  const canvas: Canvas = { page, fonts, width, height };
  frame(canvas);
  statementBlock(canvas, view);
  verificationBand(canvas, view);
  // Last, so that it lies over everything it crosses.
  if (view.revoked) drawRevokedStamp(page, fonts.bold, view.revoked);
};

export type { CertificateView };
export { certificateTitle, certificateView, drawCertificate };
