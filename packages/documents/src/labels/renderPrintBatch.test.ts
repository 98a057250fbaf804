import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODES, certificateInput } from '../certificate/certificateFixture.ts';
import { loadFonts } from '../fonts.ts';
import { pageTexts } from '../testing/pdfText.ts';
import type { FontBytes } from '../types/fonts.ts';
import { renderPrintBatch } from './renderPrintBatch.ts';

let fonts: FontBytes;
beforeAll(() => {
  fonts = loadFonts();
});

const recipient = (i: number) => ({
  name: `Destinataire ${i + 1}`,
  addressLine: `${i + 1} rue de la République`,
  postalCode: '69003',
  city: 'Lyon',
});

const batchOf = (count: number) => ({
  copies: Array.from({ length: count }, (_, i) => ({
    certificate: certificateInput({
      code: i % 2 ? CODES.cleaNumerique : CODES.clea,
      certification: i % 2 ? ('clea-numerique' as const) : ('clea' as const),
    }),
    recipient: recipient(i),
  })),
  printedOn: '2026-12-08',
});

describe('renderPrintBatch', () => {
  it('prints the certificates, then label sheets of 14 in the same order', async () => {
    const result = await renderPrintBatch(batchOf(15), { fonts });
    expect(result).toMatchObject({ certificatePages: 15, labelSheets: 2, pageCount: 17 });
    const doc = await PDFDocument.load(result.bytes);
    const pages = doc.getPages();
    expect(pages[0]?.getWidth()).toBeGreaterThan(pages[0]?.getHeight() ?? 0);
    expect(pages[15]?.getWidth()).toBeLessThan(pages[15]?.getHeight() ?? 0);
    const firstSheet = pageTexts(pages[15] as never).join('\n');
    const names = [...firstSheet.matchAll(/Destinataire (\d+)/g)].map((m) => Number(m[1]));
    expect(names).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(firstSheet).toContain('69003 LYON');
    expect(pageTexts(pages[16] as never).join('\n')).toContain('Destinataire 15');
  });

  it('gives the same bytes for the same batch (dates from the input, never the clock)', async () => {
    const a = await renderPrintBatch(batchOf(2), { fonts });
    const b = await renderPrintBatch(batchOf(2), { fonts });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
