/**
 * A write head that flows blocks of text down A4 pages and opens a new page when the next block does
 * not fit. Blocks are measured before they are drawn, so an item or a heading and its first lines are
 * never split across pages. Running headers and footers are drawn afterwards (decoratePages.ts), once
 * the page count is known.
 */
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { drawTextLine } from './drawTextLine.ts';
import { A4_PORTRAIT, theme } from './theme.ts';
import { wrapText } from './wrapText.ts';

interface LayoutFonts {
  regular: PDFFont;
  bold: PDFFont;
  /** DejaVu Sans Mono, when the document asked for it (`createPdf({ mono: true })`) and it was found. */
  mono?: PDFFont;
}

interface TextStyle {
  weight?: 'regular' | 'bold';
  /** Points; defaults to the body size. */
  size?: number;
  color?: Color;
  /** Extra left offset in points. */
  indent?: number;
}

interface HeadingOptions extends TextStyle {
  /** A short mark right-aligned on the heading's first line (e.g. `✓ maîtrisé`). */
  tag?: { text: string; color?: Color };
  /** Height in points that must still fit below the heading, so it is not left alone at a page foot. */
  keepWithNext?: number;
}

interface ItemOptions {
  /** Drawn in the left column on the first line: a bullet, a criterion code, a field name. */
  label: string;
  text: string;
  /** Width of the label column in points. */
  labelWidth: number;
  labelStyle?: TextStyle;
  textStyle?: TextStyle;
}

interface PageCursorOptions {
  doc: PDFDocument;
  fonts: LayoutFonts;
  pageSize?: [number, number];
}

class PageCursor {
  readonly doc: PDFDocument;
  readonly fonts: LayoutFonts;
  readonly pageSize: [number, number];
  page: PDFPage;
  /** Top of the next line, in PDF coordinates (origin at the bottom left, y going up). */
  y: number;

  constructor({ doc, fonts, pageSize = A4_PORTRAIT }: PageCursorOptions) {
    this.doc = doc;
    this.fonts = fonts;
    this.pageSize = pageSize;
    this.page = doc.addPage(pageSize);
    this.y = this.top;
  }

  get top(): number {
    return this.pageSize[1] - theme.margins.top;
  }

  get left(): number {
    return theme.margins.left;
  }

  /** Width of the text box between the margins. */
  get width(): number {
    return this.pageSize[0] - theme.margins.left - theme.margins.right;
  }

  addPage(): void {
    this.page = this.doc.addPage(this.pageSize);
    this.y = this.top;
  }

  /** Opens a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    const usable = this.top - theme.margins.bottom;
    // A block taller than a whole page is started on the current page and broken line by line.
    if (this.y - Math.min(height, usable) < theme.margins.bottom) this.addPage();
  }

  /** Vertical gap; ignored at the top of a page, where it would only shift the content down. */
  space(points: number): void {
    if (this.y < this.top) this.y -= points;
  }

  lineHeight(size: number = theme.sizes.body): number {
    return size * theme.leading;
  }

  /** The lines `text` takes in a box `width` points wide (the full text width by default). */
  lines(text: string, style: TextStyle = {}, width: number = this.width - (style.indent ?? 0)): string[] {
    const { font, size } = this.resolve(style);
    return wrapText({ text, font, size, maxWidth: width });
  }

  /** A wrapped paragraph; it breaks across pages between lines when it must. */
  paragraph(text: string, style: TextStyle = {}): void {
    const { size } = this.resolve(style);
    for (const line of this.lines(text, style)) {
      this.ensure(this.lineHeight(size));
      this.drawLine(line, this.left + (style.indent ?? 0), style);
      this.y -= this.lineHeight(size);
    }
  }

  /** A bold heading kept with what follows it, with an optional right-aligned tag. */
  heading(text: string, { tag, keepWithNext = 0, ...style }: HeadingOptions = {}): void {
    const textStyle: TextStyle = { weight: 'bold', color: theme.colors.accent, ...style };
    const { font, size } = this.resolve(textStyle);
    const tagWidth = tag ? font.widthOfTextAtSize(tag.text, size) + 12 : 0;
    const lines = this.lines(text, textStyle, this.width - (style.indent ?? 0) - tagWidth);
    this.ensure(lines.length * this.lineHeight(size) + keepWithNext);
    lines.forEach((line, index) => {
      this.drawLine(line, this.left + (style.indent ?? 0), textStyle);
      if (tag && index === 0) {
        const x = this.left + this.width - font.widthOfTextAtSize(tag.text, size);
        this.drawLine(tag.text, x, { ...textStyle, color: tag.color ?? textStyle.color });
      }
      this.y -= this.lineHeight(size);
    });
  }

  /** A label column and a wrapped text column (list item, field and value), kept on one page. */
  item({ label, text, labelWidth, labelStyle = {}, textStyle = {} }: ItemOptions): void {
    const indent = textStyle.indent ?? 0;
    const { size } = this.resolve(textStyle);
    const lines = this.lines(text, textStyle, this.width - indent - labelWidth);
    this.ensure(Math.max(lines.length, 1) * this.lineHeight(size));
    this.drawLine(label, this.left + indent, { ...textStyle, ...labelStyle });
    for (const line of lines) {
      this.ensure(this.lineHeight(size));
      this.drawLine(line, this.left + indent + labelWidth, textStyle);
      this.y -= this.lineHeight(size);
    }
    if (lines.length === 0) this.y -= this.lineHeight(size);
  }

  /** A thin horizontal rule across the text box. */
  rule(color: Color = theme.colors.rule): void {
    this.ensure(6);
    this.page.drawLine({
      start: { x: this.left, y: this.y - 3 },
      end: { x: this.left + this.width, y: this.y - 3 },
      thickness: 0.6,
      color,
    });
    this.y -= 6;
  }

  private resolve(style: TextStyle): { font: PDFFont; size: number } {
    return { font: this.fonts[style.weight ?? 'regular'], size: style.size ?? theme.sizes.body };
  }

  private drawLine(line: string, x: number, style: TextStyle): void {
    const { font, size } = this.resolve(style);
    // The baseline sits one font size below the top of the line: DejaVu's ascent is about 0.93 em,
    // and the leading adds the gap below.
    drawTextLine(this.page, line, {
      x,
      y: this.y - size,
      size,
      font,
      color: style.color ?? theme.colors.text,
    });
  }
}

export type { HeadingOptions, ItemOptions, LayoutFonts, PageCursorOptions, TextStyle };
export { PageCursor };
