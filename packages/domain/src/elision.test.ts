/** Issue 17: "Dossier d'Amandine", never "Dossier de Amandine", wherever a name or a label follows "de". */
import { describe, expect, it } from 'vitest';
import { termVerdict } from './jury/terms.ts';
import { ofName } from './labels.ts';
import { paperCopyTransition } from './rules/paperCopy.ts';

describe('ofName', () => {
  it('elides before a vowel, an accented capital and a mute h, not before a consonant', () => {
    expect(ofName('Inès Morel')).toBe('d’Inès Morel');
    expect(ofName('ÉLODIE')).toBe('d’ÉLODIE');
    expect(ofName('avril 2026')).toBe('d’avril 2026');
    expect(ofName('Hélène')).toBe('d’Hélène');
    expect(ofName('  Océane ')).toBe('d’Océane');
    expect(ofName('Karim')).toBe('de Karim');
    expect(ofName('mars 2026')).toBe('de mars 2026');
  });

  it('keeps "de" before an aspirated h', () => {
    expect(ofName('Hauts-de-France Formation')).toBe('de Hauts-de-France Formation');
    expect(ofName('Hollande')).toBe('de Hollande');
  });
});

describe('messages built from a name', () => {
  it('a juror whose term does not cover the day is named with the elision', () => {
    const verdict = termVerdict(
      {
        userId: 'u',
        firstName: 'Inès',
        lastName: 'Morel',
        role: 'jury_member',
        college: 'employer',
        active: true,
        termFrom: '2027-01-01',
      },
      '2026-12-08',
    );
    expect(verdict.ok === false && verdict.message).toMatch(
      /^le mandat d’Inès Morel ne couvre pas le 8 décembre 2026$/,
    );
  });
});

describe('refusals built from an action label', () => {
  it('a paper copy action that cannot be done reads "impossible d’annuler…"', () => {
    const refused = paperCopyTransition(undefined, 'unprint');
    expect(refused.ok === false && refused.message).toBe(
      "aucun exemplaire papier demandé : impossible d’annuler l'impression",
    );
    const printed = paperCopyTransition('sent', 'print');
    expect(printed.ok === false && printed.message).toBe(
      'exemplaire papier envoyé : impossible de marquer comme imprimé',
    );
  });
});
