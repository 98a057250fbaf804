import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierAction } from './dossierStateMachine.ts';
import {
  auditActionLabel,
  auditActionLabels,
  auditActionName,
  auditSummaryLabel,
  consentTextLabel,
  countOf,
  ofName,
  referentielName,
} from './labels.ts';

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
    expect(auditActionName('dossier.portfolio_issued')).toBe('Portefeuille de compétences délivré');
    expect(auditActionLabel('dossier.something_new')).toBe('a enregistré une opération');
    expect(auditActionName('dossier.something_new')).toBe('Opération enregistrée');
    for (const { done, name } of Object.values(auditActionLabels)) {
      expect(done).not.toMatch(/[a-z]+[._][a-z]+/);
      expect(name).not.toMatch(/[a-z]+[._][a-z]+/);
    }
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

describe('consentTextLabel', () => {
  it('reads a consent text version as a month, not as a code', () => {
    expect(consentTextLabel('2026-01')).toBe('texte de janvier 2026');
    expect(consentTextLabel('2026-04')).toBe('texte d’avril 2026');
    expect(consentTextLabel('v2')).toBe('texte v2');
  });
});

describe('ofName', () => {
  it('elides "de" before a vowel or a mute h, not before a consonant', () => {
    expect(ofName('Amandine Morel')).toBe('d’Amandine Morel');
    expect(ofName('Élodie')).toBe('d’Élodie');
    expect(ofName('Hugo')).toBe('d’Hugo');
    expect(ofName('Marie Dupont')).toBe('de Marie Dupont');
  });

  it('does not elide before a y that sounds as a consonant', () => {
    expect(ofName('Youssef Traoré')).toBe('de Youssef Traoré');
    expect(ofName('Yannick')).toBe('de Yannick');
    expect(ofName('Yves')).toBe('d’Yves');
  });
});

describe('auditSummaryLabel', () => {
  it('turns the record’s dates, region codes and "(s)" into French', () => {
    expect(auditSummaryLabel('jury du 2026-10-14')).toBe('Jury du 14 octobre 2026');
    expect(auditSummaryLabel('jury du 2026-10-01')).toBe('Jury du 1er octobre 2026');
    expect(auditSummaryLabel('jury de la région 11')).toBe('Jury de la région Île-de-France');
    expect(auditSummaryLabel('3 dossier(s)')).toBe('3 dossiers');
    expect(auditSummaryLabel('1 an(s)')).toBe('1 an');
    expect(auditSummaryLabel('3 membre(s) présent(s)')).toBe('3 membres présents');
    expect(auditSummaryLabel('version 2 : 1 membre(s) par collège, à parité')).toBe(
      'Version 2 : 1 membre par collège, à parité',
    );
    expect(auditSummaryLabel('2 certifié(s), 1 ajourné(s)')).toBe('2 certifiés, 1 ajourné');
    expect(auditSummaryLabel('Le candidat a déménagé.')).toBe('Le candidat a déménagé.');
  });

  it('counts in words', () => {
    expect(countOf(1, 'membre')).toBe('1 membre');
    expect(countOf(0, 'membre')).toBe('0 membre');
    expect(countOf(4, 'membre présent', 'membres présents')).toBe('4 membres présents');
  });
});
