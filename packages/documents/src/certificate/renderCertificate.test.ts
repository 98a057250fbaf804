import { create } from 'qrcode';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidCertificateCodeError, InvalidDateError } from '../errors.ts';
import { loadFonts } from '../fonts.ts';
import { NBSP } from '../format.ts';
import { contentOf, pageTexts, type0FontNames } from '../testing/pdfText.ts';
import type { RenderResult } from '../types/render.ts';
import { CODES, VERIFY_BASE_URL, certificateInput } from './certificateFixture.ts';
import { renderCertificate, renderCertificatePdf } from './renderCertificate.ts';

const NAME = 'Łukasz Öztürk-N’Diaye';
const URL = `${VERIFY_BASE_URL}/verifier/${CODES.clea}`;

interface DrawnQr {
  /** Side of the symbol in points. */
  side: number;
  rows: boolean[][];
}

/**
 * The QR code as drawn: qrCode.ts scales the page to one unit per module (`u 0 0 -u x y cm`), then
 * writes each run of dark modules as `column row length 1 re` and fills the path once.
 */
const drawnQr = (page: PDFPage): DrawnQr | undefined => {
  const match = /([\d.]+) 0 0 -([\d.]+) [\d.]+ [\d.]+ cm\n((?:\d+ \d+ \d+ 1 re\n)+)f\n/.exec(contentOf(page));
  if (!match) return undefined;
  const runs = [...(match[3] ?? '').matchAll(/(\d+) (\d+) (\d+) 1 re/g)].map((m) =>
    m.slice(1, 4).map(Number),
  );
  const size = Math.max(
    ...runs.map(([column = 0, , length = 0]) => column + length),
    ...runs.map(([, row = 0]) => row + 1),
  );
  const rows = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  for (const [column = 0, row = 0, length = 0] of runs) {
    for (let c = column; c < column + length; c++) {
      const cells = rows[row];
      if (cells) cells[c] = true;
    }
  }
  return { side: Number(match[1]) * size, rows };
};

/** The URI of every link annotation of the page. */
const linkTargets = (page: PDFPage): string[] => {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  return (annots?.asArray() ?? [])
    .map((ref) => page.doc.context.lookup(ref, PDFDict).lookup(PDFName.of('A'), PDFDict))
    .map((action) => action.lookup(PDFName.of('URI'), PDFString).decodeText());
};

const textsOf = async (bytes: Uint8Array): Promise<string[]> => {
  const doc = await PDFDocument.load(bytes);
  return pageTexts(doc.getPage(0));
};

describe('Function: renderCertificate', () => {
  let result: RenderResult;
  let doc: PDFDocument;
  let texts: string[];

  beforeAll(async () => {
    result = await renderCertificate(certificateInput());
    doc = await PDFDocument.load(result.bytes, { updateMetadata: false });
    texts = pageTexts(doc.getPage(0));
  });

  it('writes a PDF file', () => {
    expect(Buffer.from(result.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('has one page and says so', () => {
    expect([doc.getPageCount(), result.pageCount, result.pageLabels]).toEqual([1, 1, []]);
  });

  it('is A4 landscape', () => {
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
  });

  it('titles the document with the certification and the holder’s name', () => {
    expect(doc.getTitle()).toBe(`Certificat CléA – ${NAME}`);
  });

  it('dates the document from the input, not the clock', () => {
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-03-04T00:00:00.000Z');
  });

  it('embeds subsets of DejaVu Sans, regular and bold, and DejaVu Sans Mono for the code', () => {
    expect(type0FontNames(doc)).toEqual([
      expect.stringMatching(/^\/[A-Z]{6}\+DejaVuSans$/),
      expect.stringMatching(/^\/[A-Z]{6}\+DejaVuSans-Bold$/),
      expect.stringMatching(/^\/[A-Z]{6}\+DejaVuSansMono$/),
    ]);
  });

  it('prints the title and the subtitle of CléA', () => {
    expect(texts.slice(0, 2)).toEqual([
      'Certificat CléA',
      'Socle de connaissances et de compétences professionnelles',
    ]);
  });

  it('prints the holder’s name with its Latin Extended letters, as one line', () => {
    expect(texts).toContain(NAME);
  });

  it('prints the birth date and the jury’s decision', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        'né(e) le 15 juin 1992',
        'Délivré le 4 mars 2025 par le jury paritaire de la région Auvergne-Rhône-Alpes.',
      ]),
    );
  });

  it('prints the code', () => {
    expect(texts).toContain(CODES.clea);
  });

  it('prints the verification link and how to use it', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        `Vérifier ce certificat${NBSP}: ${URL}`,
        `Scannez ce code ou saisissez le code du certificat sur ${VERIFY_BASE_URL}/verifier`,
      ]),
    );
  });

  it('draws the QR code of the verification link, module for module', () => {
    // The reference matrix comes straight from qrcode, not from the renderer's own helper.
    const { modules } = create(URL, { errorCorrectionLevel: 'M' });
    const expected = Array.from({ length: modules.size }, (_, r) =>
      Array.from({ length: modules.size }, (_, c) => Boolean(modules.get(r, c))),
    );
    expect(drawnQr(doc.getPage(0))?.rows).toEqual(expected);
  });

  it('draws as many dark modules as the QR code has', () => {
    const { modules } = create(URL, { errorCorrectionLevel: 'M' });
    const dark = [...modules.data].filter(Boolean).length;
    expect(drawnQr(doc.getPage(0))?.rows.flat().filter(Boolean).length).toBe(dark);
  });

  it('draws the QR code about 3 cm wide', () => {
    expect(drawnQr(doc.getPage(0))?.side).toBeCloseTo(90, 6);
  });

  it('links the QR code and the caption to the verification page', () => {
    expect(linkTargets(doc.getPage(0))).toEqual([URL, URL]);
  });

  it('prints no revocation on a valid certificate', () => {
    expect(texts.some((t) => t.includes('RÉVOQUÉ') || t.includes('révoqué'))).toBe(false);
  });

  it('renders the same input to the same bytes', async () => {
    // Act
    const again = await renderCertificate(certificateInput());

    // Assess
    expect(Buffer.from(again.bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });

  it('stays small thanks to subsetting', () => {
    expect(result.bytes.byteLength).toBeLessThan(60_000);
  });
});

describe('Function: renderCertificatePdf', () => {
  it('stamps a revoked certificate with the date of revocation', async () => {
    // Act
    const texts = await textsOf(
      await renderCertificatePdf(certificateInput({ status: 'revoked', revokedOn: '2025-05-12' })),
    );

    // Assess
    expect(texts).toEqual(
      expect.arrayContaining([
        'RÉVOQUÉ le 12 mai 2025',
        `Ce certificat a été révoqué le 12 mai 2025${NBSP}: il n’atteste plus de la certification.`,
      ]),
    );
  });

  it('still stamps a revoked certificate whose date is missing', async () => {
    // Act
    const texts = await textsOf(await renderCertificatePdf(certificateInput({ status: 'revoked' })));

    // Assess
    expect(texts).toContain('RÉVOQUÉ');
  });

  it('keeps the QR code whole under the stamp of a revoked certificate', async () => {
    // Prepare
    const bytes = await renderCertificatePdf(
      certificateInput({ status: 'revoked', revokedOn: '2025-05-12' }),
    );

    // Act
    const doc = await PDFDocument.load(bytes);

    // Assess
    expect(drawnQr(doc.getPage(0))?.rows.flat().filter(Boolean).length).toBe(
      [...create(URL, { errorCorrectionLevel: 'M' }).modules.data].filter(Boolean).length,
    );
  });

  it('prints the title and the code of CléA numérique', async () => {
    // Act
    const texts = await textsOf(
      await renderCertificatePdf(
        certificateInput({ certification: 'clea-numerique', code: CODES.cleaNumerique }),
      ),
    );

    // Assess
    expect([texts[0], texts.includes(CODES.cleaNumerique)]).toEqual(['Certificat CléA numérique', true]);
  });

  it('turns a straight apostrophe of a name into a typographic one', async () => {
    // Act
    const texts = await textsOf(
      await renderCertificatePdf(
        certificateInput({
          holder: { firstName: 'Łukasz', lastName: "Öztürk-N'Diaye", birthDate: '1992-06-15' },
        }),
      ),
    );

    // Assess
    expect(texts).toContain(NAME);
  });

  it('prints the code as the verification page writes it, whatever its case and spacing', async () => {
    // Act
    const texts = await textsOf(
      await renderCertificatePdf(
        certificateInput({ code: ' clea 7qx4 m2kd 9pzb p ', verifyBaseUrl: `${VERIFY_BASE_URL}/` }),
      ),
    );

    // Assess
    expect(texts).toEqual(expect.arrayContaining([CODES.clea, `Vérifier ce certificat${NBSP}: ${URL}`]));
  });

  it('sets the code in the bold face when DejaVu Sans Mono is not available', async () => {
    // Prepare
    const { regular, bold } = loadFonts();

    // Act
    const bytes = await renderCertificatePdf(certificateInput(), { fonts: { regular, bold } });
    const doc = await PDFDocument.load(bytes);

    // Assess
    expect([type0FontNames(doc).length, pageTexts(doc.getPage(0)).includes(CODES.clea)]).toEqual([2, true]);
  });

  it('wraps a very long name on two lines and keeps it all', async () => {
    // Prepare
    const holder = {
      firstName: 'Marie-Françoise Ægir',
      lastName: 'd’Alembert-Łopuszańska-Wojciechowska de la Tour d’Auvergne',
      birthDate: '1970-01-01',
    };

    // Act
    const texts = await textsOf(await renderCertificatePdf(certificateInput({ holder })));

    // Assess
    const nameLines = texts.slice(
      texts.indexOf('Le présent certificat atteste que') + 1,
      texts.indexOf('né(e) le 1er janvier 1970'),
    );
    expect([nameLines.length, nameLines.join(' ')]).toEqual([2, `${holder.firstName} ${holder.lastName}`]);
  });

  it('refuses a code whose check symbol is wrong', async () => {
    await expect(renderCertificatePdf(certificateInput({ code: 'CLEA-7QX4-M2KD-9PZB-K' }))).rejects.toThrow(
      InvalidCertificateCodeError,
    );
  });

  it('refuses a CléA numérique code on a CléA certificate', async () => {
    await expect(renderCertificatePdf(certificateInput({ code: CODES.cleaNumerique }))).rejects.toMatchObject(
      { name: 'InvalidCertificateCodeError', reason: 'certification' },
    );
  });

  it('refuses a date that does not exist', async () => {
    await expect(renderCertificatePdf(certificateInput({ issuedOn: '2025-02-30' }))).rejects.toThrow(
      InvalidDateError,
    );
  });
});
