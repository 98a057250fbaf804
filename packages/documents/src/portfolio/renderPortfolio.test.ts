import { PDFDocument, PDFName } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { theme } from '../layout/theme.ts';
import { contentOf, type0FontNames } from '../testing/pdfText.ts';
import type { RenderResult } from '../types/render.ts';
import { allAcquired, portfolioInput } from './portfolioFixture.ts';
import { renderPortfolio, renderPortfolioPdf } from './renderPortfolio.ts';

const text = (bytes: Uint8Array, length: number) => Buffer.from(bytes.subarray(0, length)).toString('latin1');

/** Text drawn on the footer's baseline (decoratePages.ts draws it 32 pt under the bottom margin). */
const footerDraws = (page: PDFPage): number =>
  contentOf(page).match(new RegExp(` ${theme.margins.bottom - 32} Tm\\b`, 'g'))?.length ?? 0;

describe('Function: renderPortfolioPdf', () => {
  let bytes: Uint8Array;
  let doc: PDFDocument;

  beforeAll(async () => {
    bytes = await renderPortfolioPdf(portfolioInput());
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  });

  it('writes a PDF file', () => {
    expect(text(bytes, 5)).toBe('%PDF-');
  });

  it('has at least one page', () => {
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it('is A4 portrait', () => {
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it('titles the document with the certification and the holder’s name', () => {
    expect(doc.getTitle()).toBe('Portefeuille de compétences – CléA – Łukasz Öztürk-N’Diaye');
  });

  it('names Socle as author', () => {
    expect(doc.getAuthor()).toBe('Socle');
  });

  it('dates the document from the input, not the clock', () => {
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-03-04T00:00:00.000Z');
  });

  it('declares French as the document language', () => {
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(fr-FR)');
  });

  it('embeds subsets of DejaVu Sans, regular and bold', () => {
    expect(type0FontNames(doc)).toEqual([
      expect.stringMatching(/^\/[A-Z]{6}\+DejaVuSans$/),
      expect.stringMatching(/^\/[A-Z]{6}\+DejaVuSans-Bold$/),
    ]);
  });

  it('stays small thanks to subsetting', () => {
    expect(bytes.byteLength).toBeLessThan(120_000);
  });
});

describe('Function: renderPortfolio', () => {
  let result: RenderResult;
  let doc: PDFDocument;

  beforeAll(async () => {
    result = await renderPortfolio(portfolioInput(allAcquired));
    doc = await PDFDocument.load(result.bytes);
  });

  it('spans several pages when all 107 criteria are acquired', () => {
    expect(doc.getPageCount()).toBeGreaterThan(1);
  });

  it('has as many pages as the renderer reports', () => {
    expect(doc.getPageCount()).toBe(result.pageCount);
  });

  it('labels every page with page X / Y', () => {
    const n = result.pageCount;
    expect(result.pageLabels).toEqual(Array.from({ length: n }, (_, i) => `page ${i + 1} / ${n}`));
  });

  it('draws the footer (label and left text) on every page', () => {
    expect(doc.getPages().map(footerDraws)).toEqual(doc.getPages().map(() => 2));
  });

  it('renders the same input to the same bytes', async () => {
    // Act
    const again = await renderPortfolio(portfolioInput(allAcquired));

    // Assess
    expect(Buffer.from(again.bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });

  it('renders a portfolio where nothing is acquired yet', async () => {
    // Act
    const empty = await renderPortfolio(portfolioInput(() => 'not_acquired'));
    const loaded = await PDFDocument.load(empty.bytes);

    // Assess
    expect(loaded.getPageCount()).toBe(empty.pageCount);
  });

  it('uses the font bytes it is given', async () => {
    // Prepare
    const { loadFonts } = await import('../fonts.ts');
    const { bold } = loadFonts();

    // Act
    const boldOnly = await renderPortfolio(portfolioInput(), { fonts: { regular: bold, bold } });
    const loaded = await PDFDocument.load(boldOnly.bytes);

    // Assess
    expect(type0FontNames(loaded).every((name) => name.endsWith('+DejaVuSans-Bold'))).toBe(true);
  });
});
