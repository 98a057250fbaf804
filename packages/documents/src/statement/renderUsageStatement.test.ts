import { formatEuros } from '@socle/domain';
import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidDateError } from '../errors.ts';
import { NBSP } from '../format.ts';
import { createPdf } from '../layout/createPdf.ts';
import { A4_PORTRAIT, theme } from '../layout/theme.ts';
import { pageTexts } from '../testing/pdfText.ts';
import { renderUsageStatement } from './renderUsageStatement.ts';
import { usageStatement } from './statementFixture.ts';

/** Narrow no-break space: Intl's thousands separator in French. */
const NNBSP = '\u202f';
const RIGHT_EDGE = A4_PORTRAIT[0] - theme.margins.right;
const LONG_NAME =
  'Réseau interprofessionnel des groupements d’établissements publics locaux d’enseignement de Provence-Alpes-Côte d’Azur et de Corse pour la formation continue des adultes';

interface Run {
  text: string;
  x: number;
  size: number;
  bold: boolean;
}

const decoded = (stream: unknown): string =>
  stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : '';

/** Every line of text a page draws, with its left edge, size and weight (pdf-lib draws `Tf … Tm <…> Tj`). */
const runsOf = (page: PDFPage): Run[] => {
  const contents = page.node.Contents();
  const streams = contents && 'asArray' in contents ? contents.asArray() : [contents];
  const content = streams.map((ref) => decoded(page.doc.context.lookup(ref))).join('\n');
  const texts = pageTexts(page);
  const runs: Run[] = [];
  let font = { size: 0, bold: false };
  for (const [, name, size, x] of content.matchAll(
    /(\/[^\s/]+) ([\d.]+) Tf|(-?[\d.]+) -?[\d.]+ Tm\s+<[0-9A-Fa-f]*> Tj/g,
  )) {
    if (name) font = { size: Number(size), bold: name.includes('Bold') };
    else runs.push({ text: texts[runs.length] ?? '', x: Number(x), ...font });
  }
  expect(runs).toHaveLength(texts.length);
  return runs;
};

/** The cells drawn after `first` on its row: the row's texts, in column order. */
const rowStartingWith = (texts: string[], first: string, second: string, cells = 5): string[] => {
  const index = texts.findIndex((t, i) => t === first && texts[i + 1] === second);
  return index < 0 ? [] : texts.slice(index, index + cells);
};

describe('Function: renderUsageStatement', () => {
  let bytes: Uint8Array;
  let doc: PDFDocument;
  let texts: string[];
  let fonts: { regular: PDFFont; bold: PDFFont };
  const rightOf = (run: Run): number =>
    run.x + (run.bold ? fonts.bold : fonts.regular).widthOfTextAtSize(run.text, run.size);

  beforeAll(async () => {
    bytes = await renderUsageStatement(usageStatement());
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
    texts = doc.getPages().flatMap(pageTexts);
    ({ fonts } = await createPdf({
      metadata: { title: 'Mesure', subject: 'Test', createdOn: '2026-01-01' },
    }));
  });

  it('writes a PDF file', () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('fits on one A4 portrait page', () => {
    const { width, height } = doc.getPage(0).getSize();
    expect([doc.getPageCount(), Math.round(width), Math.round(height)]).toEqual([1, 595, 842]);
  });

  it('titles the document with the network and the month', () => {
    expect(doc.getTitle()).toBe('Relevé d’utilisation – Réseau Łukasz Öztürk-N’Diaye – novembre 2026');
  });

  it('dates the document from the generation day in Paris, not the clock', () => {
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('prints the title, the month in words and the issuer', () => {
    expect(
      ['Relevé d’utilisation', 'novembre 2026', 'Socle — plateforme CléA'].every((t) => texts.includes(t)),
    ).toBe(true);
  });

  it('prints the network’s name, with any Unicode and a typographic apostrophe', () => {
    expect(texts).toContain('Réseau Łukasz Öztürk-N’Diaye');
  });

  it('prints the generation date and time in Paris', () => {
    expect(texts).toContain(`1er décembre 2026 à 9${NBSP}h${NBSP}30 (heure de Paris)`);
  });

  it('names the fee schedule applied', () => {
    expect(texts).toContain('Tarifs en vigueur depuis janvier 2026');
  });

  it('heads the table with its five columns', () => {
    expect(rowStartingWith(texts, 'Certification', 'Prestation')).toEqual([
      'Certification',
      'Prestation',
      'Quantité',
      'Prix unitaire',
      'Montant',
    ]);
  });

  it('prints every line: certification, item, quantity, unit price, amount', () => {
    expect([
      rowStartingWith(texts, 'CléA', 'Évaluations préalables'),
      rowStartingWith(texts, 'CléA', 'Certificats délivrés'),
      rowStartingWith(texts, 'CléA numérique', 'Évaluations préalables'),
      rowStartingWith(texts, 'CléA numérique', 'Certificats délivrés'),
    ]).toEqual([
      ['CléA', 'Évaluations préalables', `1${NNBSP}234`, `22,50${NBSP}€`, `27${NNBSP}765,00${NBSP}€`],
      ['CléA', 'Certificats délivrés', '87', `5,00${NBSP}€`, `435,00${NBSP}€`],
      ['CléA numérique', 'Évaluations préalables', '0', `0,00${NBSP}€`, `0,00${NBSP}€`],
      ['CléA numérique', 'Certificats délivrés', '12', `10,00${NBSP}€`, `120,00${NBSP}€`],
    ]);
  });

  it('prints the total, formatted as the domain formats euros', () => {
    expect(rowStartingWith(texts, 'Total', formatEuros(usageStatement().totalCents), 2)).toEqual([
      'Total',
      `28${NNBSP}320,00${NBSP}€`,
    ]);
  });

  it('right-aligns the quantities, the prices and the amounts on their column edge', () => {
    // Prepare
    const runs = runsOf(doc.getPage(0));
    const texts = runs.map((r) => r.text);
    const rowAt = (first: string, second: string, cells = 5): Run[] => {
      const index = texts.findIndex((t, i) => t === first && texts[i + 1] === second);
      return runs.slice(index, index + cells);
    };
    const rows = [
      rowAt('Certification', 'Prestation'),
      rowAt('CléA', 'Évaluations préalables'),
      rowAt('CléA', 'Certificats délivrés'),
      rowAt('CléA numérique', 'Évaluations préalables'),
      rowAt('CléA numérique', 'Certificats délivrés'),
    ];
    const total = rowAt('Total', `28${NNBSP}320,00${NBSP}€`, 2)[1];
    const spread = (column: Run[]): number =>
      Math.max(...column.map(rightOf)) - Math.min(...column.map(rightOf));

    // Assess
    expect({
      quantity: spread(rows.map((row) => row[2] as Run)) < 0.01,
      unit: spread(rows.map((row) => row[3] as Run)) < 0.01,
      amount: spread([...rows.map((row) => row[4] as Run), total as Run]) < 0.01,
      lastEdge: Math.abs(rightOf(total as Run) - (RIGHT_EDGE - 4)) < 0.01,
    }).toEqual({ quantity: true, unit: true, amount: true, lastEdge: true });
  });

  it('says the amounts are before tax, without claiming a VAT exemption', () => {
    expect([
      texts.includes('Montants exprimés en euros hors taxes.'),
      texts.some((t) => /TVA/.test(t)),
    ]).toEqual([true, false]);
  });

  it('numbers the page in its footer', () => {
    expect(texts).toContain('page 1 / 1');
  });

  it('says when the default fees apply', async () => {
    // Act
    const loaded = await PDFDocument.load(await renderUsageStatement(usageStatement({ schedules: [] })));
    const defaults = loaded.getPages().flatMap(pageTexts);

    // Assess
    expect([defaults.includes('Tarifs par défaut'), defaults.includes(`20,00${NBSP}€`)]).toEqual([
      true,
      true,
    ]);
  });

  it('wraps a long network name inside the margins', async () => {
    // Act
    const loaded = await PDFDocument.load(await renderUsageStatement(usageStatement({ name: LONG_NAME })));
    const runs = runsOf(loaded.getPage(0));
    const label = runs.findIndex((r) => r.text === 'Réseau');
    const end = runs.findIndex((r) => r.text === 'Période');
    const nameLines = runs.slice(label + 1, end).map((r) => r.text);

    // Assess
    expect({
      pages: loaded.getPageCount(),
      lines: nameLines.length > 1,
      name: nameLines.join(' '),
      overflowing: runs.filter((r) => rightOf(r) > RIGHT_EDGE + 0.01).map((r) => r.text),
    }).toEqual({ pages: 1, lines: true, name: LONG_NAME, overflowing: [] });
  });

  it('renders the same statement to the same bytes', async () => {
    // Act
    const again = await renderUsageStatement(usageStatement());

    // Assess
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('stays small thanks to font subsetting', () => {
    expect(bytes.byteLength).toBeLessThan(60_000);
  });

  it('rejects a month that is not YYYY-MM', async () => {
    await expect(renderUsageStatement({ ...usageStatement(), month: '2026-13' })).rejects.toThrow(
      InvalidDateError,
    );
  });
});
