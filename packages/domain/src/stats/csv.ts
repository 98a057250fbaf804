/**
 * CSV for people and for programs. French Excel only reads UTF-8 correctly with a byte order mark,
 * splits on `;` (the comma is its decimal separator) and expects decimal commas; other tools want
 * the plain RFC 4180 form. One function writes both so exports never drift apart.
 */
type CsvCell = string | number | null | undefined;

interface CsvOptions {
  /** `excel`: BOM, `;`, decimal commas. `plain`: no BOM, `,`, decimal points. */
  dialect: 'excel' | 'plain';
}

const quote = (text: string, separator: string) =>
  /["\r\n]/.test(text) || text.includes(separator) || /^\s|\s$/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;

const cellText = (cell: CsvCell, dialect: CsvOptions['dialect']) => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return dialect === 'excel' ? String(cell).replace('.', ',') : String(cell);
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection): neutralise it.
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
};

/** Rows (the first one being the header) as a CSV document, lines ending with CRLF. */
const toCsv = (rows: readonly (readonly CsvCell[])[], { dialect }: CsvOptions): string => {
  const separator = dialect === 'excel' ? ';' : ',';
  const body = rows
    .map((row) => row.map((cell) => quote(cellText(cell, dialect), separator)).join(separator))
    .join('\r\n');
  return `${dialect === 'excel' ? '\uFEFF' : ''}${body}\r\n`;
};

export type { CsvCell, CsvOptions };
export { toCsv };
