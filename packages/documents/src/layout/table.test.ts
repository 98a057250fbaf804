import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pageTexts } from '../testing/pdfText.ts';
import { createPdf } from './createPdf.ts';
import { PageCursor } from './pageCursor.ts';
import type { TableOptions } from './table.ts';
import { drawTable } from './table.ts';

/** Draws one table on a new document and reads the text of each page back. */
const render = async (options: TableOptions): Promise<string[][]> => {
  const { doc, fonts } = await createPdf({
    metadata: { title: 'Table', subject: 'Test', createdOn: '2026-01-01' },
  });
  const cursor = new PageCursor({ doc, fonts });
  drawTable(cursor, options);
  const loaded = await PDFDocument.load(await doc.save());
  return loaded.getPages().map(pageTexts);
};

const columns = [
  { header: 'Nom', width: 200 },
  { header: 'Note', width: 283 },
];

describe('Function: drawTable', () => {
  it('continues a long table on new pages under the caption and the headers', async () => {
    // Act
    const pages = await render({
      caption: 'Liste',
      columns,
      rows: Array.from({ length: 120 }, (_, i) => [`Ligne ${i + 1}`, 'x']),
    });

    // Assess
    expect(pages.map((texts) => texts.slice(0, 3))).toEqual(
      pages.map((_, i) => (i === 0 ? ['Liste', 'Nom', 'Note'] : ['Liste (suite)', 'Nom', 'Note'])),
    );
  });

  it('keeps every row, in order, across the pages', async () => {
    // Act
    const pages = await render({
      columns,
      rows: Array.from({ length: 120 }, (_, i) => [`Ligne ${i + 1}`, 'x']),
    });

    // Assess
    expect(pages.flat().filter((t) => t.startsWith('Ligne '))).toEqual(
      Array.from({ length: 120 }, (_, i) => `Ligne ${i + 1}`),
    );
  });

  it('cuts a row taller than a page between lines and loses none', async () => {
    // Prepare
    const lines = Array.from({ length: 90 }, (_, i) => ({ text: `Paragraphe ${i + 1}` }));

    // Act
    const pages = await render({ caption: 'Long', columns, rows: [['Seule ligne', lines]] });

    // Assess
    expect([pages.length > 1, pages.flat().filter((t) => t.startsWith('Paragraphe ')).length]).toEqual([
      true,
      90,
    ]);
  });
});
