import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { NBSP } from '../format.ts';
import { pageTexts, type0FontNames } from '../testing/pdfText.ts';
import type { MinutesInput } from '../types/minutes.ts';
import type { RenderResult } from '../types/render.ts';
import { SPECIAL, minutesInput } from './minutesFixture.ts';
import { renderMinutes, renderMinutesPdf } from './renderMinutes.ts';
import { MINUTES_TITLE } from './sections.ts';

const CANDIDATES = 300;
const CONTINUED = 'Candidats examinés (suite)';

/** The text of every page of a rendering. */
const textsOf = async (input: MinutesInput): Promise<string[][]> => {
  const doc = await PDFDocument.load(await renderMinutesPdf(input));
  return doc.getPages().map(pageTexts);
};

const decisionsOn = (texts: string[]): number =>
  texts.filter((t) => t === 'Certifié' || t === 'Ajourné').length;

describe('Function: renderMinutes', () => {
  let result: RenderResult;
  let doc: PDFDocument;
  let pages: string[][];

  beforeAll(async () => {
    result = await renderMinutes(minutesInput(CANDIDATES));
    doc = await PDFDocument.load(result.bytes, { updateMetadata: false });
    pages = doc.getPages().map(pageTexts);
  });

  it('writes a PDF file', () => {
    expect(Buffer.from(result.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('spans several pages for 300 candidates', () => {
    expect(doc.getPageCount()).toBeGreaterThan(5);
  });

  it('has as many pages as the renderer reports', () => {
    expect(doc.getPageCount()).toBe(result.pageCount);
  });

  it('labels every page with page X / Y', () => {
    const n = result.pageCount;
    expect(result.pageLabels).toEqual(Array.from({ length: n }, (_, i) => `page ${i + 1} / ${n}`));
  });

  it('is A4 portrait', () => {
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it('titles the document with the region and the session date', () => {
    expect(doc.getTitle()).toBe(
      'Procès-verbal – jury paritaire régional CléA – Île-de-France – session du 15 décembre 2026',
    );
  });

  it('dates the document from the input, not the clock', () => {
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-15T00:00:00.000Z');
  });

  it('embeds subsets of DejaVu Sans, regular and bold', () => {
    expect(type0FontNames(doc)).toEqual([
      expect.stringMatching(/^\/[A-Z]{6}\+DejaVuSans$/),
      expect.stringMatching(/^\/[A-Z]{6}\+DejaVuSans-Bold$/),
    ]);
  });

  it('names the region without its code', () => {
    const first = pages[0]?.join(' ') ?? '';
    expect(first).toContain('Île-de-France');
    expect(first).not.toMatch(/\(\d{2,3}\)/);
  });

  it('prints the title on the first page', () => {
    expect(pages[0]?.join(' ')).toContain(MINUTES_TITLE.split(' ').slice(0, 4).join(' '));
  });

  it('prints every candidate once, across the pages', () => {
    expect(pages.reduce((sum, texts) => sum + decisionsOn(texts), 0)).toBe(CANDIDATES);
  });

  it('repeats the table caption and headers on every page the table continues on', () => {
    // Prepare
    const lastTablePage = pages.findLastIndex((texts) => decisionsOn(texts) > 0);
    const continued = pages.slice(1, lastTablePage + 1);

    // Assess
    expect(
      continued.map((texts) => {
        const header = ['N°', 'Candidat', 'Présentation', 'Décision'].map((h) => texts.indexOf(h));
        const firstRow = texts.findIndex((t) => t === 'Certifié' || t === 'Ajourné');
        return texts.includes(CONTINUED) && header.every((i) => i >= 0 && i < firstRow);
      }),
    ).toEqual(continued.map(() => true));
  });

  it('does not announce a continuation on the first page', () => {
    expect(pages[0]).not.toContain(CONTINUED);
  });

  it('prints Latin Extended names as given', () => {
    // The table prints the last name and the first name on two lines, the conflicts on one.
    const all = pages.flat();
    expect([
      all.includes(SPECIAL.lastName),
      all.includes(`${SPECIAL.firstName} ${SPECIAL.lastName}`),
    ]).toEqual([true, true]);
  });

  it('states the paritary quorum from the members present', () => {
    expect(pages[0]).toContain(
      `Le jury a siégé en formation paritaire${NBSP}: 2 membres du collège employeurs, 2 du collège salariés.`,
    );
  });

  it('gives the totals', () => {
    expect(pages.flat()).toContain(`300 candidats examinés${NBSP}: 200 certifiés, 100 ajournés.`);
  });

  it('prints the closing time in the region’s time', () => {
    expect(pages.flat()).toContain(`La séance a été close le 15 décembre 2026 à 17${NBSP}h${NBSP}42.`);
  });

  it('ends with the formula and the three signature blocks on the last page', () => {
    expect(pages.at(-1)).toEqual(
      expect.arrayContaining([
        'Fait pour servir et valoir ce que de droit.',
        'Le secrétaire du jury',
        'Pour le collège employeurs',
        'Pour le collège salariés',
        'Sandrine Morel',
      ]),
    );
  });

  it('renders the same input to the same bytes', async () => {
    // Act
    const again = await renderMinutes(minutesInput(CANDIDATES));

    // Assess
    expect(Buffer.from(again.bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });

  it('stays small thanks to subsetting', () => {
    expect(result.bytes.byteLength).toBeLessThan(250_000);
  });
});

describe('Function: renderMinutesPdf', () => {
  it('sorts the candidates by last name, accents aside', async () => {
    // Prepare
    const base = minutesInput(3);
    const names = ['Zola', 'Émery', 'Abad'];
    const input = {
      ...base,
      candidates: base.candidates.map((c, i) => ({ ...c, lastName: names[i] ?? '' })),
    };

    // Act
    const texts = (await textsOf(input)).flat();

    // Assess
    expect(['Abad', 'Émery', 'Zola'].map((n) => texts.indexOf(n))).toEqual(
      ['Abad', 'Émery', 'Zola'].map((n) => texts.indexOf(n)).sort((a, b) => a - b),
    );
  });

  it('prints the certificate code of a certified candidate and the reason of an adjourned one', async () => {
    // Prepare
    const base = minutesInput(2);
    const candidates = base.candidates.map((c) =>
      c.reason ? { ...c, reason: 'Domaine 3 non maîtrisé.' } : c,
    );

    // Act
    const texts = (await textsOf({ ...base, candidates })).flat();

    // Assess
    expect(texts).toEqual(
      expect.arrayContaining(['CLEA-1000-7K3M-Q9ZT-X', `Motif${NBSP}: Domaine 3 non maîtrisé.`]),
    );
  });

  it('does not call a session paritary when the colleges present differ', async () => {
    // Prepare
    const base = minutesInput(2);
    const members = base.members.map((m) => (m.name === 'Farid Benhamou' ? { ...m, present: false } : m));

    // Act
    const texts = (await textsOf({ ...base, members })).flat();

    // Assess
    expect(texts.join(' ')).toContain(
      `Membres présents${NBSP}: 2 membres du collège employeurs, 1 du collège salariés.`,
    );
  });

  it('prints the closing time of an overseas session in its own time zone', async () => {
    // Prepare
    const base = minutesInput(1);
    const input = {
      ...base,
      region: { code: '04', name: 'La Réunion' },
      session: { ...base.session, closedAt: '2026-12-15T13:00:00Z' },
    };

    // Act
    const texts = (await textsOf(input)).flat();

    // Assess
    expect(texts).toContain(`La séance a été close le 15 décembre 2026 à 17${NBSP}h.`);
  });

  it('says so when no conflict of interest was declared', async () => {
    // Act
    const texts = (await textsOf({ ...minutesInput(2), conflicts: [] })).flat();

    // Assess
    expect(texts.join(' ')).toContain('Aucun conflit d’intérêts n’a été déclaré');
  });
});
