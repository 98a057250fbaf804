import { describe, expect, it } from 'vitest';
import { postalCapitals, postalLines } from './postalAddress.ts';

describe('postalLines (NF Z10-011)', () => {
  it('writes the name, the street lines as typed, then the postcode and the town in capitals without accents', () => {
    expect(
      postalLines({
        name: 'Inès  Marchand',
        addressLine: '12 rue des Lilas\n\n Bâtiment B ',
        postalCode: '42000',
        city: 'Saint-Étienne',
      }),
    ).toEqual(['Inès Marchand', '12 rue des Lilas', 'Bâtiment B', '42000 SAINT-ETIENNE']);
  });

  it('adds the country in capitals only for an address abroad', () => {
    const base = { name: 'A', addressLine: '1 rue', postalCode: '1000', city: 'Bruxelles' };
    expect(postalLines({ ...base, country: 'Belgique' }).at(-1)).toBe('BELGIQUE');
    expect(postalLines({ ...base, country: 'France' }).at(-1)).toBe('1000 BRUXELLES');
  });

  it('keeps six lines at most: the street gives way, the name and the town line stay', () => {
    const lines = postalLines({
      name: 'Nom',
      addressLine: ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'].join('\n'),
      postalCode: '75011',
      city: 'Paris',
    });
    expect(lines).toEqual(['Nom', 'l1', 'l2', 'l3', 'l4', '75011 PARIS']);
  });

  it('folds accents and ligature-free letters to capitals', () => {
    expect(postalCapitals('Châlons-en-Champagne  ')).toBe('CHALONS-EN-CHAMPAGNE');
  });
});
