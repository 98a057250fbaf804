import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageTexts } from '../testing/pdfText.ts';
import type { RenderResult } from '../types/render.ts';
import { renderSubjectAccess } from './renderSubjectAccess.ts';
import { subjectAccessInput } from './subjectAccessFixture.ts';

/** Every line the pages draw; non-breaking spaces (French typography) read as spaces. */
const allText = async (bytes: Uint8Array) => {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc
    .getPages()
    .flatMap(pageTexts)
    .join('\n')
    .replace(/\u00a0/g, ' ');
};

describe('Function: renderSubjectAccess', () => {
  let result: RenderResult;
  let text: string;

  beforeAll(async () => {
    result = await renderSubjectAccess(subjectAccessInput());
    text = await allText(result.bytes);
  });

  it('writes a PDF that parses, with its page labels', async () => {
    expect(Buffer.from(result.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(result.bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(result.pageCount);
    expect(doc.getTitle()).toBe('Vos données personnelles – Łukasz Öztürk-N’Diaye');
    expect(result.pageLabels.at(-1)).toBe(`page ${result.pageCount} / ${result.pageCount}`);
  });

  it('prints the identity and contact data, accents and all', () => {
    expect(text).toContain('Öztürk-N’Diaye');
    expect(text).toContain('12 avril 1988');
    expect(text).toContain('lukasz@example.org');
    expect(text).toContain('06 12 34 56 78');
  });

  it('prints each dossier with its evaluations, notes, plan, jury decision and certificate', () => {
    expect(text).toContain('Dossier CléA ouvert le 6 janvier 2025');
    expect(text).toContain('Évaluation préalable');
    expect(text).toContain('À revoir : consignes orales longues.');
    expect(text).toContain('Comprendre des consignes orales en situation de travail.');
    expect(text).toContain('Bonne participation.');
    expect(text).toContain('certifié');
    expect(text).toContain('CLEA-7QX4-M2KD-9PZB-K');
  });

  it('prints the history in French with roles, in Paris time, and says how long data is kept', () => {
    expect(text).toContain('Ouverture du dossier');
    expect(text).toContain('Conseiller');
    expect(text).toMatch(/06\/01\/2025\s10 h 00/);
    expect(text).toContain('20 septembre 2028');
  });

  it('says so when the candidate has no dossier left', async () => {
    const bytes = (await renderSubjectAccess(subjectAccessInput({ dossiers: [] }))).bytes;
    expect(await allText(bytes)).toContain('Aucun dossier.');
  });
});
