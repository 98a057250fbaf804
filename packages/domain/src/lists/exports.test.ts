import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_ROWS, exportSizeVerdict } from './lists.ts';
import { dossiersCsv, exportFileName, numericDay, registerCsv } from './exports.ts';
import type { DossierExportItem, RegisterExportItem } from './exports.ts';

const dossier = (over: Partial<DossierExportItem> = {}): DossierExportItem => ({
  candidate: { firstName: 'Inès', lastName: 'Ébrard', birthDate: '1988-04-12' },
  certification: 'clea',
  organismId: '01JORG0000000000000000000A',
  region: '11',
  status: 'in_training',
  // 23:30 UTC is already the next day in Paris (UTC+1 in December).
  openedAt: '2026-12-07T23:30:00.000Z',
  deadline: '2031-12-08',
  ...over,
});

const certificate = (over: Partial<RegisterExportItem> = {}): RegisterExportItem => ({
  code: 'CLEA-2026-ABCD-EFGH-7',
  certification: 'clea-numerique',
  status: 'valid',
  issuedOn: '2026-12-08',
  region: '04',
  holder: { firstName: 'Amandine', lastName: 'Morel', birthDate: '1990-01-02' },
  ...over,
});

const linesOf = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1).trimEnd().split('\r\n');
};

describe('dossiersCsv', () => {
  it('writes French headers, labels and dates, separated by ";", with the organism by name', () => {
    const lines = linesOf(
      dossiersCsv([dossier()], new Map([['01JORG0000000000000000000A', 'Formapro Lyon']])),
    );
    expect(lines).toEqual([
      'Nom;Prénom;Date de naissance;Certification;Organisme;Statut;Ouvert le;Échéance',
      'ÉBRARD;Inès;12/04/1988;CléA;Formapro Lyon;En formation;08/12/2026;08/12/2031',
    ]);
  });

  it('reads the opening day in the region of the dossier, says an unknown organism and leaves no deadline empty', () => {
    // 23:30 UTC on 7 December is 03:30 on the 8th in La Réunion (UTC+4) and 19:30 on the 7th in Guadeloupe.
    const [, row] = linesOf(
      dossiersCsv([dossier({ region: '01', deadline: undefined, status: 'withdrawn' })], new Map()),
    );
    expect(row).toBe('ÉBRARD;Inès;12/04/1988;CléA;Organisme inconnu;Abandonné;07/12/2026;');
  });

  it('neutralises cells a spreadsheet would run as a formula and quotes separators', () => {
    const [, row] = linesOf(
      dossiersCsv(
        [
          dossier({
            candidate: { firstName: '=SOMME(A1)', lastName: 'Dupont; fils', birthDate: '1988-04-12' },
          }),
        ],
        new Map(),
      ),
    );
    expect(row?.startsWith(`"DUPONT; FILS";'=SOMME(A1);`)).toBe(true);
    for (const lead of ['+', '-', '@']) {
      const [, guarded] = linesOf(
        dossiersCsv(
          [dossier({ candidate: { firstName: `${lead}1`, lastName: 'X', birthDate: '1988-04-12' } })],
          new Map(),
        ),
      );
      expect(guarded?.split(';')[1]).toBe(`'${lead}1`);
    }
  });
});

describe('registerCsv', () => {
  it('writes one row per certificate with the region by name and the status in words', () => {
    const lines = linesOf(
      registerCsv([
        certificate(),
        certificate({
          code: 'CLEA-2025-WXYZ-0000-3',
          status: 'revoked',
          revokedOn: '2026-03-01',
          holder: { firstName: 'Hugo', lastInitial: 'D' },
        }),
      ]),
    );
    expect(lines).toEqual([
      'Code;Nom;Prénom;Certification;Région;Délivré le;Statut;Révoqué le',
      'CLEA-2026-ABCD-EFGH-7;MOREL;Amandine;CléA numérique;La Réunion;08/12/2026;Valide;',
      // After erasure only the initial of the last name is left.
      'CLEA-2025-WXYZ-0000-3;D.;Hugo;CléA numérique;La Réunion;08/12/2026;Révoqué;01/03/2026',
    ]);
  });
});

describe('numericDay and exportFileName', () => {
  it('write a day as French Excel reads it, and name the file after the day', () => {
    expect(numericDay('2026-01-05')).toBe('05/01/2026');
    expect(numericDay('2026-01-05T10:00:00Z')).toBe('05/01/2026');
    expect(numericDay(undefined)).toBe('');
    expect(exportFileName('dossiers', '2026-12-08')).toBe('dossiers-2026-12-08.csv');
  });
});

describe('exportSizeVerdict', () => {
  it('refuses an export beyond the limit with what to do, in French', () => {
    expect(exportSizeVerdict(EXPORT_MAX_ROWS).ok).toBe(true);
    const refused = exportSizeVerdict(EXPORT_MAX_ROWS + 1);
    expect(refused).toMatchObject({ ok: false, code: 'export_too_large' });
    expect(refused.ok === false && refused.message).toMatch(
      /^L'export dépasse 20\u202f000 lignes : ajoutez un filtre/,
    );
  });
});
