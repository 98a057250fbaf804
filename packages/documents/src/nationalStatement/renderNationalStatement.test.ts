import { nationalStatementOf } from '@socle/domain';
import type { FeeSchedule } from '@socle/domain';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../fonts.ts';
import { pageTexts } from '../testing/pdfText.ts';
import type { FontBytes } from '../types/fonts.ts';
import { renderNationalStatement } from './renderNationalStatement.ts';

let fonts: FontBytes;
beforeAll(() => {
  fonts = loadFonts();
});

const tenants = [
  { id: '01JAZNJY74SB33NTS68B6PHGED', name: 'Réseau Alpha Formation' },
  { id: '01JAZNJY74SB33NTS68B6PHGEE', name: 'GRETA Sud Compétences' },
];
const cells = [
  {
    tenantId: tenants[0]?.id as string,
    month: '2026-02',
    certification: 'clea' as const,
    preliminaryDone: 12,
    certified: 7,
  },
  {
    tenantId: tenants[0]?.id as string,
    month: '2026-05',
    certification: 'clea' as const,
    preliminaryDone: 0,
    certified: 3,
  },
];
const schedules: FeeSchedule[] = [
  {
    effectiveFrom: '2026-03',
    fees: {
      clea: { preliminaryEvaluation: 2000, certificate: 600 },
      'clea-numerique': { preliminaryEvaluation: 0, certificate: 1000 },
    },
    version: 1,
    updatedAt: '2026-02-20T10:00:00.000Z',
    updatedBy: 'Nadia Benali',
  },
];
const statementOf = (period: string) =>
  nationalStatementOf({ period, tenants, cells, schedules, generatedAt: '2026-12-08T10:00:00.000Z' });

const textOf = async (bytes: Uint8Array) =>
  (await PDFDocument.load(bytes))
    .getPages()
    .flatMap((page) => pageTexts(page))
    .join('\n');

describe('renderNationalStatement', () => {
  it('names every network, the national total and the period in French, never an id or an ISO month', async () => {
    const text = await textOf(await renderNationalStatement(statementOf('2026'), { fonts }));
    expect(text).toContain('Relevé d’utilisation national');
    expect(text).toContain('Année 2026');
    expect(text).toContain('Réseau Alpha Formation');
    expect(text).toContain('GRETA Sud Compétences');
    expect(text).toContain('Tous les réseaux');
    // 12 × 20 € + 7 × 5 € (February, default fees) + 3 × 6 € (May, the new fees).
    expect(text).toContain('293,00');
    expect(text).toContain('variable');
    expect(text).toMatch(/tarifs par défaut, tarifs en vigueur\s+depuis\s+mars\s+2026/);
    expect(text).not.toMatch(/01JAZ|\d{4}-\d{2}/);
  });

  it('gives the same bytes for the same statement', async () => {
    const a = await renderNationalStatement(statementOf('2026-05'), { fonts });
    const b = await renderNationalStatement(statementOf('2026-05'), { fonts });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
