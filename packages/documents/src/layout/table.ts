/**
 * A ruled table that flows down the pages of a PageCursor. Each row is measured before it is drawn
 * and moved whole to the next page when it does not fit; every page the table continues on starts
 * with a caption `… (suite)` and the column headers again, so a printed page reads on its own.
 */
import type { Color, PDFFont } from 'pdf-lib';
import { drawTextLine } from './drawTextLine.ts';
import type { PageCursor } from './pageCursor.ts';
import { theme } from './theme.ts';
import { wrapText } from './wrapText.ts';

interface TableColumn {
  header: string;
  /** Points; the widths should add up to the cursor's text width. */
  width: number;
  /** `right` for figures, so units line up; the header follows. `left` by default. */
  align?: 'left' | 'right';
}

/** One paragraph of a cell; a cell stacks its paragraphs, each wrapped to the column. */
interface CellText {
  text: string;
  weight?: 'regular' | 'bold';
  /** Points; defaults to the table's size. */
  size?: number;
  color?: Color;
}

type TableCell = string | CellText | readonly CellText[];

interface TableOptions {
  columns: readonly TableColumn[];
  rows: readonly (readonly TableCell[])[];
  /** Heading drawn above the table, kept with its first row, and repeated as `… (suite)` on later pages. */
  caption?: string;
  /** A paragraph between the caption and the table (what the table lists), kept with its first row. */
  note?: string;
  /** Body size in points (headers are drawn one point smaller, in bold). */
  size?: number;
}

interface Line {
  text: string;
  font: PDFFont;
  size: number;
  color: Color;
}

const PADDING = { x: 4, y: 3 } as const;

/** Line height of table text, as a multiple of its size: tighter than body text, rules separate rows. */
const LEADING = 1.25;

const paragraphsOf = (cell: TableCell | undefined): readonly CellText[] => {
  if (cell === undefined) return [];
  if (typeof cell === 'string') return [{ text: cell }];
  return Array.isArray(cell) ? cell : [cell as CellText];
};

const heightOf = (lines: readonly Line[]): number =>
  lines.reduce((sum, line) => sum + line.size * LEADING, 0);

class TableWriter {
  private readonly cursor: PageCursor;
  private readonly columns: readonly TableColumn[];
  private readonly size: number;
  private readonly header: Line[][];

  constructor(cursor: PageCursor, columns: readonly TableColumn[], size: number) {
    this.cursor = cursor;
    this.columns = columns;
    this.size = size;
    const headerStyle: CellText = { text: '', weight: 'bold', size: size - 1, color: theme.colors.accent };
    this.header = this.layout(columns.map((c) => ({ ...headerStyle, text: c.header })));
  }

  /** Wraps every cell of a row to its column: one list of lines per column. */
  layout(cells: readonly TableCell[]): Line[][] {
    return this.columns.map((column, index) =>
      paragraphsOf(cells[index]).flatMap((paragraph) => {
        const font = this.cursor.fonts[paragraph.weight ?? 'regular'];
        const size = paragraph.size ?? this.size;
        const color = paragraph.color ?? theme.colors.text;
        const maxWidth = column.width - 2 * PADDING.x;
        return wrapText({ text: paragraph.text, font, size, maxWidth }).map((text) => ({
          text,
          font,
          size,
          color,
        }));
      }),
    );
  }

  rowHeight(row: readonly Line[][]): number {
    return Math.max(0, ...row.map(heightOf)) + 2 * PADDING.y;
  }

  get headerHeight(): number {
    return this.rowHeight(this.header);
  }

  get bottom(): number {
    return theme.margins.bottom;
  }

  drawHeader(): void {
    const { page, left, width } = this.cursor;
    const height = this.headerHeight;
    page.drawRectangle({
      x: left,
      y: this.cursor.y - height,
      width,
      height,
      color: theme.colors.panel,
    });
    this.drawCells(this.header);
    this.cursor.y -= height;
    this.drawRule(theme.colors.accent, 0.8);
  }

  /** Draws the cells' lines from the current y, top-aligned; the caller moves y. */
  drawCells(row: readonly Line[][]): void {
    let x = this.cursor.left;
    row.forEach((lines, index) => {
      const column = this.columns[index];
      let top = this.cursor.y - PADDING.y;
      for (const line of lines) {
        const indent =
          column?.align === 'right'
            ? column.width - PADDING.x - line.font.widthOfTextAtSize(line.text, line.size)
            : PADDING.x;
        drawTextLine(this.cursor.page, line.text, {
          x: x + indent,
          // Baseline one font size below the line's top, as PageCursor draws.
          y: top - line.size,
          size: line.size,
          font: line.font,
          color: line.color,
        });
        top -= line.size * LEADING;
      }
      x += column?.width ?? 0;
    });
  }

  drawRule(color: Color = theme.colors.rule, thickness = 0.5): void {
    const { left, width } = this.cursor;
    this.cursor.page.drawLine({
      start: { x: left, y: this.cursor.y },
      end: { x: left + width, y: this.cursor.y },
      thickness,
      color,
    });
  }

  /** A new page that carries on the table: caption `(suite)`, then the headers. */
  continueOnNewPage(caption: string | undefined): void {
    this.cursor.addPage();
    if (caption) {
      this.cursor.paragraph(`${caption} (suite)`, {
        size: theme.sizes.body,
        color: theme.colors.muted,
        weight: 'bold',
      });
      this.cursor.space(4);
    }
    this.drawHeader();
  }

  /**
   * Draws a row, whole on this page if it fits, else whole on the next. A row taller than a page
   * (a very long reason) is cut between lines and carries on under the repeated headers.
   */
  drawRow(row: Line[][], caption: string | undefined): void {
    const height = this.rowHeight(row);
    if (this.cursor.y - height < this.bottom) {
      const fresh = this.cursor.top - this.bottom - this.headerHeight - this.captionHeight(caption);
      if (height <= fresh || this.cursor.y - this.bottom < this.headerHeight * 2) {
        this.continueOnNewPage(caption);
      }
    }
    let rest = row;
    for (;;) {
      const room = this.cursor.y - this.bottom - 2 * PADDING.y;
      const [now, later] = this.split(rest, room);
      this.drawCells(now);
      this.cursor.y -= this.rowHeight(now);
      this.drawRule();
      if (later.every((lines) => lines.length === 0)) return;
      rest = later;
      this.continueOnNewPage(caption);
    }
  }

  captionHeight(caption: string | undefined): number {
    return caption ? this.cursor.lineHeight() + 4 : 0;
  }

  /** The lines of each cell that fit in `room` points, and those left for the next page. */
  private split(row: Line[][], room: number): [Line[][], Line[][]] {
    const now: Line[][] = [];
    const later: Line[][] = [];
    for (const lines of row) {
      let used = 0;
      let count = 0;
      while (count < lines.length) {
        const next = (lines[count]?.size ?? 0) * LEADING;
        if (used + next > room) break;
        used += next;
        count++;
      }
      now.push(lines.slice(0, count));
      later.push(lines.slice(count));
    }
    return [now, later];
  }
}

/**
 * Draws a table at the cursor and leaves the cursor under it.
 * @example drawTable(cursor, { caption: 'Membres', columns: [{ header: 'Nom', width: 300 }, …], rows: [['Jeanne Martin', …]] })
 */
const drawTable = (
  cursor: PageCursor,
  { columns, rows, caption, note, size = theme.sizes.body }: TableOptions,
): void => {
  const writer = new TableWriter(cursor, columns, size);
  const laidOut = rows.map((row) => writer.layout(row));
  const first = laidOut[0];
  const firstHeight = first ? writer.rowHeight(first) : 0;
  const noteStyle = { color: theme.colors.muted };
  const noteHeight = note ? cursor.lines(note, noteStyle).length * cursor.lineHeight() + 4 : 0;
  // The caption, the note, the headers and the first row stay together (unless the first row alone
  // is huge: then it is cut, see drawRow).
  const keep = noteHeight + writer.headerHeight + Math.min(firstHeight, cursor.lineHeight() * 4);
  if (caption) {
    cursor.heading(caption, { size: theme.sizes.heading - 1, keepWithNext: keep + 4 });
    cursor.space(4);
  } else {
    cursor.ensure(keep);
  }
  if (note) {
    cursor.paragraph(note, noteStyle);
    cursor.space(4);
  }
  writer.drawHeader();
  for (const row of laidOut) writer.drawRow(row, caption);
};

export type { CellText, TableCell, TableColumn, TableOptions };
export { drawTable };
