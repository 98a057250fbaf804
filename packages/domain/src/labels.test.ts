import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierAction } from './dossierStateMachine.ts';
import { auditActionLabel, auditActionLabels, referentielName } from './labels.ts';

const REPO_ROOT = join(import.meta.dirname, '../../..');

/** The audit actions written as literals by the data layer (`action: 'dossier.opened'`). */
const writtenActions = (): string[] => {
  const dir = join(REPO_ROOT, 'packages/data/src');
  const found = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(/action:\s*'([a-z_]+\.[a-z_]+)'/g)) found.add(match[1] as string);
  }
  return [...found].sort();
};

describe('auditActionLabels', () => {
  it('names every action the data layer audits, and every state-machine action', () => {
    const actions = [
      ...writtenActions(),
      ...Object.values(DossierAction).map((a) => `dossier.${a}`),
      'certificate.paper_copy_printed',
      'certificate.paper_copy_sent',
      'user.disabled',
      'user.enabled',
    ];

    expect(actions.length).toBeGreaterThan(30);
    expect(actions.filter((a) => !Object.hasOwn(auditActionLabels, a))).toEqual([]);
  });

  it('reads in French, never as a code, even for an action it does not know', () => {
    expect(auditActionLabel('dossier.portfolio_issued')).toBe('a délivré le portefeuille de compétences');
    expect(auditActionLabel('dossier.something_new')).toBe('a enregistré une opération');
    for (const label of Object.values(auditActionLabels)) expect(label).not.toMatch(/[a-z]+[._][a-z]+/);
  });
});

describe('referentielName', () => {
  it('names a version by its certification and year, not its file label', () => {
    expect(referentielName({ certification: 'clea', label: '2018-reconstructed' })).toBe(
      'Référentiel CléA 2018',
    );
    expect(referentielName({ certification: 'clea-numerique', label: '2020-reconstructed' })).toBe(
      'Référentiel CléA numérique 2020',
    );
    expect(referentielName({ certification: 'clea', label: 'brouillon' })).toBe('Référentiel CléA');
  });
});
