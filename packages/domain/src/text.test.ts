import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTerms } from './text.ts';

describe('searchTerms', () => {
  it('folds the words of a name search, whatever their order, case and accents', () => {
    expect(searchTerms('  Inès   ÉBRARD ')).toEqual(['ines', 'ebrard']);
    expect(searchTerms('Ébrard Inès')).toEqual(['ebrard', 'ines']);
    expect(searchTerms('N’Diaye-Öztürk')).toEqual(['n', 'diaye', 'ozturk']);
  });

  it('drops repeated words and keeps at most five', () => {
    expect(searchTerms('a a b')).toEqual(['a', 'b']);
    expect(searchTerms('a b c d e f g')).toHaveLength(5);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('finds every word in the stored "NOM Prénom" fold, in either typed order', () => {
    const stored = foldForSearch('Ébrard Inès');
    for (const typed of ['Inès Ébrard', 'EBRARD ines', 'ines']) {
      expect(
        searchTerms(typed).every((term) => stored.includes(term)),
        typed,
      ).toBe(true);
    }
    expect(searchTerms('Inès Morel').every((term) => stored.includes(term))).toBe(false);
  });
});
